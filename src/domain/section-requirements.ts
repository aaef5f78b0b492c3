// What stands between the operator and a section or T0, read from the evidence: required roles
// not yet filled, and a section's `requires` (all gates passed, no open incidents) unless an
// override was recorded for it.
import type { Checklist, ChecklistRole } from './checklist-schema.js';
import { openIncidents, type SessionState } from './session-state.js';

export function missingRoles(checklist: Checklist, state: SessionState): ChecklistRole[] {
  return checklist.roles.filter((role) => role.required && !state.roles[role.id]);
}

export function unmetRequirements(checklist: Checklist, state: SessionState, sectionId: string): string[] {
  const section = checklist.sections.find((s) => s.id === sectionId);
  if (!section?.requires || state.overrides.some((o) => o.section === sectionId)) return [];
  const unmet: string[] = [];
  if (section.requires.gatesPassed) {
    const gates = checklist.sections.filter((s) => s.kind === 'gates');
    const failing = gates.flatMap((s) => s.items.filter((i) => state.items[`${s.id}/${i.id}`]?.status !== 'pass').map((i) => i.id));
    if (failing.length) unmet.push(`gates not all passed: ${failing.join(', ')}`);
  }
  if (section.requires.noOpenIncidents) {
    const open = openIncidents(state);
    if (open.length) unmet.push(`open incidents: ${open.map((i) => `${i.incidentId} (${i.severity})`).join(', ')}`);
  }
  return unmet;
}
