// The closing lines of a headless drill: how long it took against earlier drills of the checklist.
import { resolve } from 'node:path';
import type { Checklist } from '../../domain/checklist-schema.js';
import { describeDelta } from '../../domain/drill-timings.js';
import { formatDuration } from '../../domain/duration.js';
import type { CutoverSession } from '../../services/session.js';
import { compareWithEarlierDrills } from '../../services/drill-history.js';

export async function drillSummaryLines(session: CutoverSession, checklist: Checklist): Promise<string[]> {
  const { header, events } = session.store;
  const { current, comparison, earlier } = await compareWithEarlierDrills(session.evidenceDir, header, checklist, events);
  const { total, rollback } = comparison;
  const against = earlier ? ` against ${earlier} earlier drill${earlier === 1 ? '' : 's'}` : '';
  return [
    `drill: total ${formatDuration(current.totalMs)} (${describeDelta(total, formatDuration)})${current.rollbackMs ? `, rollback ${formatDuration(current.rollbackMs)} (${describeDelta(rollback, formatDuration)})` : ''}${against}`,
    `       history: cutover drills ${checklist.id}${session.evidenceDir === resolve('evidence') ? '' : ` --evidence-dir ${session.evidenceDir}`}`,
  ];
}
