// The drill summary as table rows: total, rollback, roll-forward, then each section and each of its
// steps that took time, in checklist order, against the earlier drills (last, best, median, delta).
import type { Checklist } from '../../../domain/checklist-schema.js';
import { bestText } from '../../../domain/drill-best.js';
import { passesNote } from '../../../domain/drill-compare.js';
import { compareDrills, describeDelta, type Comparison, type DrillComparison, type DrillTimings } from '../../../domain/drill-timings.js';
import { drillFindings } from '../../../domain/drill-outcome.js';
import { kindSoFar, sectionsSoFar } from '../../../domain/drill-so-far.js';
import { formatDuration } from '../../../domain/duration.js';

export interface SummaryRow {
  [key: string]: string;
  step: string;
  now: string;
  last: string;
  best: string;
  median: string;
  vs: string;
}

const ms = (value: number | undefined): string => (value === undefined ? '-' : formatDuration(value));

/** "4.1s faster" / "2m10s slower" / "same as median" / "first drill". */
export function deltaText(c: Comparison): string {
  return describeDelta(c, formatDuration).replace(/ than median$/, '');
}

function row(step: string, c: Comparison): SummaryRow {
  return { step, now: ms(c.currentMs), last: ms(c.lastMs), best: bestText(c, formatDuration) ?? '-', median: ms(c.medianMs), vs: deltaText(c) };
}

export function summaryRows(checklist: Checklist, current: DrillTimings, earlier: DrillTimings[], compared = compareDrills(current, earlier, checklist)): SummaryRow[] {
  const sections = new Map(compared.sections.map((c) => [c.key, c]));
  const items = new Map(compared.items.map((c) => [c.key, c]));
  // a total so far, or a section not walked to its end yet, is no measure of how long it takes: shown, not compared
  const soFar = sectionsSoFar(checklist, current);
  const rowSoFar = (step: string, c: Comparison, isSoFar: boolean): SummaryRow => (isSoFar ? { ...row(step, c), vs: 'so far' } : row(step, c));
  const rows = [rowSoFar('total', compared.total, !current.finished)];
  const endToEnd = (kind: 'rollback' | 'rollforward', label: string, c: Comparison, walked: boolean): void => {
    if (!checklist.sections.some((s) => s.kind === kind)) return;
    rows.push(walked ? rowSoFar(label, c, kindSoFar(checklist, current, kind)) : { ...row(label, c), now: '-', vs: 'not walked' });
  };
  endToEnd('rollback', 'rollback', compared.rollback, current.rollbackMs !== undefined);
  endToEnd('rollforward', 'roll-forward', compared.rollforward, current.rollforwardMs !== undefined);
  for (const section of checklist.sections) {
    const s = sections.get(section.id);
    if (!s) continue;
    rows.push(rowSoFar(`${section.title}${passesNote(s)}`, s, soFar.has(section.id)));
    for (const item of section.items) {
      const c = items.get(item.id);
      if (c && c.currentMs > 0) rows.push(row(`  ${item.id}${passesNote(c)}`, c));
    }
  }
  return rows;
}

/** "failures 1 (last drill 0, best 0)". */
export function failuresText(current: DrillTimings, earlier: DrillTimings[]): string {
  const last = earlier.at(-1);
  if (!last) return `failures ${current.failures}`;
  return `failures ${current.failures} (last drill ${last.failures}, best ${Math.min(...earlier.map((d) => d.failures))})`;
}

/** The one-line verdict: the total with its delta against the median (once finished), and the failures. */
export function headline(current: DrillTimings, earlier: DrillTimings[], { total }: DrillComparison = compareDrills(current, earlier)): string {
  const vs = !current.finished
    ? ` so far${total.medianMs === undefined ? '' : ` (median ${formatDuration(total.medianMs)})`}`
    : total.deltaMs === undefined && !total.unlike ? '' : ` (${describeDelta(total, formatDuration)})`;
  return `this drill ${formatDuration(total.currentMs)}${vs} · ${failuresText(current, earlier)}`;
}

/** What went wrong so far (failed, refused, injected faults caught or not, time paused), or ''. */
export function findingsText(current: DrillTimings): string {
  return drillFindings(current, { ongoing: true }).join(' · ');
}
