// The drill to beat: the fastest drill that passed. A drill that FAILED or was left unfinished is no
// target however fast it was: it may have stopped early, or skipped what went wrong. `cutover drills`,
// `D` in the TUI and the report all take their "best" from here.
import { drillResult } from './drill-outcome.js';
import type { DrillTimings } from './drill-timings.js';

/** Only a drill that passed can be the best. */
export const canBeBest = (d: DrillTimings): boolean => drillResult(d) === 'passed';

/** The fastest time of a measure among the drills that passed and have a time for it; undefined when none did. */
export function bestTime(drills: readonly DrillTimings[], measure: (d: DrillTimings) => number | undefined): number | undefined {
  const times = drills.filter(canBeBest).map(measure).filter((ms): ms is number => ms !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/** The fastest drill that passed (the first of a tie), or undefined when none passed. */
export function bestDrill<T extends DrillTimings>(drills: readonly T[]): T | undefined {
  const fastest = bestTime(drills, (d) => d.totalMs);
  return drills.find((d) => canBeBest(d) && d.totalMs === fastest);
}

/** The best column's cell: the best time, "none passed" when earlier drills have a time but none passed, else undefined (nothing to show). */
export function bestText(c: { bestMs?: number; medianMs?: number }, format: (ms: number) => string): string | undefined {
  if (c.bestMs !== undefined) return format(c.bestMs);
  return c.medianMs === undefined ? undefined : 'none passed';
}
