// The report's drill part: how long this rehearsal took, step by step, against earlier drills of
// the same checklist (last, best, median, and faster or slower than the median).
import { describeDelta, type Comparison, type DrillTimings } from './drill-timings.js';
import { formatDuration } from './duration.js';
import type { ReportContext } from './report-context.js';
import { table, text } from './report-markdown.js';
import { section } from './report-records.js';

const ms = (value: number | undefined): string => (value === undefined ? '—' : formatDuration(value));

function row(label: string, current: number, c: Comparison | undefined): string[] {
  return [label, formatDuration(current), ms(c?.lastMs), ms(c?.bestMs), ms(c?.medianMs), c ? describeDelta(c, formatDuration) : 'first drill'];
}

export function renderDrillTimings(ctx: ReportContext, timings: DrillTimings): string[] {
  const comparison = ctx.drill?.comparison;
  const earlier = ctx.drill?.earlier ?? 0;
  const find = (list: Comparison[] | undefined, key: string): Comparison | undefined => list?.find((c) => c.key === key);
  const rows = [row('**Total**', timings.totalMs, comparison?.total), row('**Rollback sections**', timings.rollbackMs, comparison?.rollback)];
  for (const s of ctx.checklist.sections) {
    const took = timings.sections[s.id];
    if (took === undefined) continue;
    rows.push(row(`${text(s.title)} (section)`, took, find(comparison?.sections, s.id)));
    for (const item of s.items) {
      const itemTook = timings.items[item.id];
      if (itemTook !== undefined) rows.push(row(`↳ ${text(item.title)}`, itemTook, find(comparison?.items, item.id)));
    }
  }
  const intro = earlier
    ? `Compared with ${earlier} earlier drill${earlier === 1 ? '' : 's'} of \`${text(ctx.checklist.id)}\` in the same evidence directory (\`cutover drills ${text(ctx.checklist.id)}\` lists them).`
    : 'No earlier drill of this checklist in the evidence directory: this one is the baseline for the next.';
  return section('Drill timings', [
    `Total ${formatDuration(timings.totalMs)}; rollback ${formatDuration(timings.rollbackMs)}; ${timings.failures} failed step${timings.failures === 1 ? '' : 's'}.`,
    '',
    intro,
    '',
    table(['Step', 'Took', 'Last', 'Best', 'Median', 'Against the median'], rows),
  ]);
}
