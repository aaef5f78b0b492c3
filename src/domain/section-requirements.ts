// What stands between the operator and a section or T0, read from the evidence: required roles
// not yet filled, and a section's `requires` (all gates passed, no open incidents). An override
// recorded for the section covers the gates and incidents it named: a gate failing or an incident
// declared after it (a SEV0 in the middle of the roll-forward) stands in the way again.
import type { Checklist, ChecklistRole } from './checklist-schema.js';
import { openIncidents, type SessionState } from './session-state.js';

export function missingRoles(checklist: Checklist, state: SessionState): ChecklistRole[] {
  return checklist.roles.filter((role) => role.required && !state.roles[role.id]);
}

const GATES = 'gates not all passed';
const INCIDENTS = 'open incidents';

/** `open incidents: INC-1 (SEV1), INC-2 (SEV0)`: the form recorded in override.recorded's `unmet`. */
const requirement = (what: string, names: string[]): string => `${what}: ${names.join(', ')}`;

/** The names an override of the section listed under `what`. */
function overridden(state: SessionState, sectionId: string, what: string): Set<string> {
  const prefix = `${what}: `;
  const unmet = state.overrides.filter((o) => o.section === sectionId).flatMap((o) => o.unmet);
  return new Set(unmet.filter((u) => u.startsWith(prefix)).flatMap((u) => u.slice(prefix.length).split(', ')));
}

export function unmetRequirements(checklist: Checklist, state: SessionState, sectionId: string): string[] {
  const section = checklist.sections.find((s) => s.id === sectionId);
  if (!section?.requires) return [];
  const unmet: Array<[string, string[]]> = [];
  if (section.requires.gatesPassed) {
    const gates = checklist.sections.filter((s) => s.kind === 'gates');
    unmet.push([GATES, gates.flatMap((s) => s.items.filter((i) => state.items[`${s.id}/${i.id}`]?.status !== 'pass').map((i) => i.id))]);
  }
  if (section.requires.noOpenIncidents) unmet.push([INCIDENTS, openIncidents(state).map((i) => `${i.incidentId} (${i.severity})`)]);
  return unmet
    .filter(([what, names]) => {
      const covered = overridden(state, sectionId, what);
      return names.some((name) => !covered.has(name));
    })
    .map(([what, names]) => requirement(what, names));
}
