// What a role signs off on when the cutover is not finished: said in the sign-off prompt, so that
// nobody signs a cutover with checks still pending or failed, or an incident open, without seeing it.
import type { Checklist } from './checklist-schema.js';
import { plural } from './plural.js';
import { itemState } from './progress.js';
import type { SessionState } from './session-state.js';

/** Walked only when needed: untouched, they are not "not done" (a cutover that went well never rolls back). */
const IF_NEEDED: ReadonlySet<string> = new Set(['rollback', 'rollforward', 'triage', 'playbook']);
const OPEN: ReadonlySet<string> = new Set(['pending', 'running', 'interrupted']);

export function signoffWarning(checklist: Checklist, state: SessionState): string | undefined {
  let open = 0;
  let failed = 0;
  for (const section of checklist.sections) {
    if (section.kind === 'signoff') continue; // what is being signed
    const statuses = section.items.map((item) => itemState(state, section.id, item.id)?.status ?? 'pending');
    failed += statuses.filter((status) => status === 'fail').length;
    if (IF_NEEDED.has(section.kind) && statuses.every((status) => status === 'pending')) continue;
    open += statuses.filter((status) => OPEN.has(status)).length;
  }
  const incidents = state.incidents.filter((inc) => !inc.resolvedAt).length;
  const parts = [
    ...(open ? [`${plural(open, 'item')} not done`] : []),
    ...(failed ? [`${failed} failed`] : []),
    ...(incidents ? [`${plural(incidents, 'incident')} open`] : []),
  ];
  return parts.length ? `⚠ Not finished: ${parts.join(', ')}. The sign-off is recorded with the cutover as it stands.` : undefined;
}
