// Did a drill pass? A drill passes when it was finished, no step failed other than to an injected
// fault (its own check, or a smoke check while the fault was still in place), no destructive step
// was refused, no step was kept from running by a locked section, and every fault to inject was
// injected and caught by its check.
import type { DrillTimings } from './drill-timings.js';
import { formatDuration } from './duration.js';

export type DrillResult = 'passed' | 'failed' | 'unfinished';

export function drillResult(d: DrillTimings): DrillResult {
  if (!d.finished) return 'unfinished';
  // a fault that was never injected was never rehearsed, like a refused or a locked step
  return d.failures || d.refusedSteps.length || d.lockedSteps?.length || d.injectionsFailed.length || d.injectedFaults.some((f) => !f.caught) ? 'failed' : 'passed';
}

const list = (steps: string[]): string => steps.join(', ');

/**
 * What a release manager needs to know beyond the times: each a short clause, worst first.
 * `ongoing`: the drill is being walked now, so not being finished is no finding.
 */
export function drillFindings(d: DrillTimings, { ongoing = false } = {}): string[] {
  const notChecked = d.faultsNotChecked ?? [];
  const missed = d.injectedFaults.filter((f) => !f.caught && !notChecked.includes(f.step)).map((f) => f.step);
  const caught = d.injectedFaults.filter((f) => f.caught).map((f) => f.step);
  const stillFailing = d.failedSteps.filter((step) => !d.passedWhenRerun.includes(step));
  return [
    // a check that failed and then passed is no failed rollback: say which way it ended
    ...(stillFailing.length ? [`failed: ${list(stillFailing)}`] : []),
    ...(d.passedWhenRerun.length ? [`failed, then passed when run again: ${list(d.passedWhenRerun)}`] : []),
    ...(d.refusedSteps.length ? [`refused (destructive, not allowed in this drill): ${list(d.refusedSteps)}`] : []),
    ...(d.lockedSteps?.length ? [`locked, not rehearsed (its section's requirements were not met or not confirmed): ${list(d.lockedSteps)}`] : []),
    ...(d.injectionsFailed.length ? [`fault not injected (its inject command failed): ${list(d.injectionsFailed)}`] : []),
    ...(missed.length ? [`injected fault not caught: ${list(missed)}`] : []),
    ...(notChecked.length ? [ongoing ? `injected fault not checked yet: ${list(notChecked)}` : `injected fault never checked (its step was not run after the injection): ${list(notChecked)}`] : []),
    ...(caught.length ? [`injected fault caught: ${list(caught)}`] : []),
    ...(d.failedUnderFault.length ? [`failed while the injected fault was in place (not counted): ${list(d.failedUnderFault)}`] : []),
    ...(d.finished || ongoing ? [] : ['not finished (left open or interrupted)']),
    ...(d.pausedMs > 0 ? [`${formatDuration(d.pausedMs)} while the session was not open is not counted`] : []),
  ];
}

/** "passed", "FAILED", "unfinished": the word for tables and headlines. */
export function resultWord(d: DrillTimings): string {
  const result = drillResult(d);
  return result === 'failed' ? 'FAILED' : result;
}
