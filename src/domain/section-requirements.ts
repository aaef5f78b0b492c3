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

/** The names an override of the section listed under `what`, each with the latest override naming it. */
function overridden(state: SessionState, sectionId: string, what: string): Map<string, string> {
  const prefix = `${what}: `;
  const covered = new Map<string, string>();
  for (const override of state.overrides.filter((o) => o.section === sectionId)) {
    const names = override.unmet.filter((u) => u.startsWith(prefix)).flatMap((u) => u.slice(prefix.length).split(', '));
    for (const name of names) covered.set(name, override.at);
  }
  return covered;
}

/** When the gate last failed, if its current result is a failure. */
function gateFailedAt(state: SessionState, key: string): string | undefined {
  const item = state.items[key];
  if (item?.result?.status === 'fail') return item.result.at;
  return item?.status === 'fail' ? item.markedAt : undefined;
}

/** A gate an override named still stands in the way once it fails after that override. */
const failedSince = (state: SessionState, gates: Array<[string, string]>, name: string, overriddenAt: string): boolean =>
  gates.some(([id, key]) => {
    const failedAt = id === name ? gateFailedAt(state, key) : undefined;
    return failedAt !== undefined && Date.parse(failedAt) > Date.parse(overriddenAt);
  });

export function unmetRequirements(checklist: Checklist, state: SessionState, sectionId: string): string[] {
  const section = checklist.sections.find((s) => s.id === sectionId);
  if (!section?.requires) return [];
  const unmet: Array<[string, string[]]> = [];
  // Gate item ids to their state keys: the override names a gate by its item id.
  const gates = checklist.sections.filter((s) => s.kind === 'gates').flatMap((s) => s.items.map((i): [string, string] => [i.id, `${s.id}/${i.id}`]));
  if (section.requires.gatesPassed) unmet.push([GATES, gates.filter(([, key]) => state.items[key]?.status !== 'pass').map(([id]) => id)]);
  if (section.requires.noOpenIncidents) unmet.push([INCIDENTS, openIncidents(state).map((i) => `${i.incidentId} (${i.severity})`)]);
  return unmet
    .filter(([what, names]) => {
      const covered = overridden(state, sectionId, what);
      return names.some((name) => {
        const at = covered.get(name);
        return at === undefined || (what === GATES && failedSince(state, gates, name, at));
      });
    })
    .map(([what, names]) => requirement(what, names));
}

/** The section's `requires.text` nobody has confirmed yet (an override does not confirm them: they are judgements). */
export function unconfirmedRequirements(checklist: Checklist, state: SessionState, sectionId: string): string[] {
  const texts = checklist.sections.find((s) => s.id === sectionId)?.requires?.text ?? [];
  const confirmed = new Set(state.confirmations.filter((c) => c.section === sectionId).flatMap((c) => c.texts));
  return texts.filter((t) => !confirmed.has(t));
}
