// What finishing a session would leave undone, said before the session is closed: items not
// done, open incidents, roles that have not signed off, the rules' current recommendation.
import { openIncidentsBySeverity, totals } from '../../domain/progress.js';
import type { CutoverSession } from '../../services/session.js';
import { plural } from '../format.js';

export function finishWarnings(session: CutoverSession): string[] {
  const { checklist, state } = session;
  const warnings: string[] = [];
  const t = totals(checklist, state);
  const undone = t.pending + t.running + t.interrupted;
  if (undone) warnings.push(`${plural(undone, 'item')} not done yet`);
  const open = openIncidentsBySeverity(checklist, state);
  if (open.length) warnings.push(`open incidents: ${open.map((o) => `${o.severity}×${o.count}`).join(' ')}`);
  const owners = checklist.sections.filter((s) => s.kind === 'signoff').flatMap((s) => s.items.map((i) => i.owner));
  const unsigned = [...new Set(owners)].filter((role): role is string => !!role && !state.signoffs.some((s) => s.role === role));
  const titles = unsigned.map((id) => checklist.roles.find((r) => r.id === id)?.title ?? id);
  if (titles.length) warnings.push(`no sign-off yet: ${titles.join(', ')}`);
  if (session.evaluation.recommendation !== 'none') warnings.push(`rules: ${session.evaluation.headline}`);
  return warnings;
}
