// The report's drill part: did the rehearsal pass, how long it took step by step, and how that
// compares with earlier drills of the same checklist (last, best, median, faster or slower).
import { bestText } from './drill-best.js';
import { passesNote } from './drill-compare.js';
import { describeDelta, type Comparison, type DrillTimings } from './drill-timings.js';
import { drillFindings, resultWord } from './drill-outcome.js';
import { kindSoFar, sectionsSoFar } from './drill-so-far.js';
import { formatDuration } from './duration.js';
import type { ReportContext } from './report-context.js';
import { table, text } from './report-markdown.js';
import { section } from './report-records.js';
import { plural } from './plural.js';

const ms = (value: number | undefined): string => (value === undefined ? '—' : formatDuration(value));

function row(label: string, current: number | undefined, c: Comparison | undefined, soFar = false): string[] {
  const against = current === undefined ? 'not walked in this drill' : soFar ? 'so far: the drill is not finished' : c ? describeDelta(c, formatDuration) : 'first drill';
  return [label, current === undefined ? 'not walked' : `${formatDuration(current)}${passesNote(c)}`, ms(c?.lastMs), (c && bestText(c, formatDuration)) ?? '—', ms(c?.medianMs), against];
}

/** "total 2.0s; rollback 397ms; roll-forward not walked". */
function headlineTimes(t: DrillTimings): string {
  const walked = (value: number | undefined): string => (value === undefined ? 'not walked' : formatDuration(value));
  return `total ${formatDuration(t.totalMs)}${t.finished ? '' : ' so far'}; rollback ${walked(t.rollbackMs)}; roll-forward ${walked(t.rollforwardMs)}`;
}


/** "0 failed steps, 1 refused step": a FAILED drill says why in its headline, not only "0 failed steps". */
function headlineCounts(t: DrillTimings): string {
  const missed = t.injectedFaults.filter((f) => !f.caught).length;
  return [
    plural(t.failures, 'failed step'),
    ...(t.refusedSteps.length ? [plural(t.refusedSteps.length, 'refused step')] : []),
    ...(t.lockedSteps?.length ? [plural(t.lockedSteps.length, 'locked step')] : []),
    ...(missed ? [plural(missed, 'injected fault') + ' not caught'] : []),
    ...(t.injectionsFailed.length ? [plural(t.injectionsFailed.length, 'fault') + ' not injected'] : []),
  ].join(', ');
}

export function renderDrillTimings(ctx: ReportContext, timings: DrillTimings): string[] {
  const comparison = ctx.drill?.comparison;
  const earlier = ctx.drill?.earlier ?? 0;
  const find = (list: Comparison[] | undefined, key: string): Comparison | undefined => list?.find((c) => c.key === key);
  // the total of a drill left open is no measure of how long the drill takes: not compared
  const rows = [row('**Total**', timings.totalMs, comparison?.total, !timings.finished)];
  // likewise a section the drill stopped in, and the rollback or roll-forward it belongs to
  const soFar = sectionsSoFar(ctx.checklist, timings);
  const hasKind = (kind: string): boolean => ctx.checklist.sections.some((s) => s.kind === kind);
  if (hasKind('rollback')) rows.push(row('**Rollback** (its sections end to end)', timings.rollbackMs, comparison?.rollback, kindSoFar(ctx.checklist, timings, 'rollback')));
  if (hasKind('rollforward')) rows.push(row('**Roll-forward** (its sections end to end)', timings.rollforwardMs, comparison?.rollforward, kindSoFar(ctx.checklist, timings, 'rollforward')));
  for (const s of ctx.checklist.sections) {
    const took = timings.sections[s.id];
    if (took === undefined) continue;
    rows.push(row(`${text(s.title)} (section)`, took, find(comparison?.sections, s.id), soFar.has(s.id)));
    for (const item of s.items) {
      const itemTook = timings.items[item.id];
      if (itemTook !== undefined) rows.push(row(`↳ ${text(item.title)}`, itemTook, find(comparison?.items, item.id)));
    }
  }
  const intro = earlier
    ? `Compared with ${earlier} earlier drill${earlier === 1 ? '' : 's'} of \`${text(ctx.checklist.id)}\` in the same evidence directory (\`cutover drills ${text(ctx.checklist.id)} --evidence-dir DIR\`, DIR the folder of this session's evidence file, lists them). Best is the fastest of them that passed.`
    : 'No earlier drill of this checklist in the evidence directory: this one is the baseline for the next.';
  const findings = drillFindings(timings).map((finding) => `- ${text(finding)}`);
  return section('Drill timings', [
    `**Result: ${resultWord(timings)}** — ${headlineTimes(timings)}; ${headlineCounts(timings)}.`,
    ...(findings.length ? ['', ...findings] : []),
    '',
    intro,
    ...(comparison?.walkedNote ? ['', `Note: ${text(comparison.walkedNote)}.`] : []),
    '',
    table(['Step', 'Took', 'Last', 'Best', 'Median', 'Against the median'], rows),
  ]);
}
