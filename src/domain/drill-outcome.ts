// Did a drill pass? A drill passes when it was finished, no step failed other than to an injected
// fault, no destructive step was refused, and every injected fault was caught by its check.
import type { DrillTimings } from './drill-timings.js';
import { formatDuration } from './duration.js';

export type DrillResult = 'passed' | 'failed' | 'unfinished';

export function drillResult(d: DrillTimings): DrillResult {
  if (!d.finished) return 'unfinished';
  return d.failures || d.refusedSteps.length || d.injectedFaults.some((f) => !f.caught) ? 'failed' : 'passed';
}

const list = (steps: string[]): string => steps.join(', ');

/**
 * What a release manager needs to know beyond the times: each a short clause, worst first.
 * `ongoing`: the drill is being walked now, so not being finished is no finding.
 */
export function drillFindings(d: DrillTimings, { ongoing = false } = {}): string[] {
  const missed = d.injectedFaults.filter((f) => !f.caught).map((f) => f.step);
  const caught = d.injectedFaults.filter((f) => f.caught).map((f) => f.step);
  return [
    ...(d.failedSteps.length ? [`failed: ${list(d.failedSteps)}`] : []),
    ...(d.refusedSteps.length ? [`refused (destructive, not allowed in this drill): ${list(d.refusedSteps)}`] : []),
    ...(missed.length ? [`injected fault not caught: ${list(missed)}`] : []),
    ...(caught.length ? [`injected fault caught: ${list(caught)}`] : []),
    ...(d.finished || ongoing ? [] : ['not finished (left open or interrupted)']),
    ...(d.pausedMs > 0 ? [`${formatDuration(d.pausedMs)} while the session was not open is not counted`] : []),
  ];
}

/** "passed", "FAILED", "unfinished": the word for tables and headlines. */
export function resultWord(d: DrillTimings): string {
  const result = drillResult(d);
  return result === 'failed' ? 'FAILED' : result;
}
