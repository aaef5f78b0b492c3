// `cutover drills <checklist-id>`: the history of timed drills of a checklist, one row per drill.
import { formatDuration } from '../../domain/duration.js';
import { CutoverError, EXIT } from '../../domain/errors.js';
import { loadDrillHistory } from '../../services/drill-history.js';
import { formatTable } from '../format-table.js';

export async function drillsCommand(checklistId: string, opts: Record<string, unknown>): Promise<void> {
  const evidenceDir = String(opts.evidenceDir);
  const history = await loadDrillHistory(evidenceDir, checklistId);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ checklist: checklistId, evidenceDir, drills: history }, null, 2)}\n`);
    return;
  }
  if (history.length === 0) {
    throw new CutoverError(`no drills of checklist "${checklistId}" in ${evidenceDir}`, EXIT.failed, `rehearse one: cutover open ${checklistId} --drill`);
  }
  const totals = history.map((d) => d.totalMs);
  const best = Math.min(...totals);
  const rows = history.map((d) => ({
    date: d.startedAt.replace('T', ' ').slice(0, 16),
    ticket: d.ticket,
    operator: d.operator,
    total: `${formatDuration(d.totalMs)}${d.totalMs === best ? ' (best)' : ''}`,
    rollback: d.rollbackMs ? formatDuration(d.rollbackMs) : '-',
    'failed steps': String(d.failures),
  }));
  process.stdout.write(`Drills of ${checklistId} (${history.length}, oldest first)\n\n`);
  process.stdout.write(`${formatTable(rows, ['date', 'ticket', 'operator', 'total', 'rollback', 'failed steps'])}\n`);
}
