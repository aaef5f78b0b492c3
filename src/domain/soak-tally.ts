// A soak's runs counted one way everywhere (TUI, headless table, report): a run the operator
// cancelled, or one cut short by a crash, is not a check that failed, and says so on its own.
import { plural } from './report-markdown.js';
import type { RunState } from './session-state.js';

export type SoakRunOutcome = 'pass' | 'fail' | 'cancelled' | 'interrupted' | 'running';

export function soakRunOutcome(run: Pick<RunState, 'finished' | 'interrupted'>): SoakRunOutcome {
  if (run.finished?.cancelled) return 'cancelled';
  if (run.finished) return run.finished.result === 'pass' ? 'pass' : 'fail';
  return run.interrupted ? 'interrupted' : 'running';
}

/**
 * "5 runs, 1 failed, 1 cancelled, 1 interrupted"; "5 runs, 0 failed" where the word matters (a
 * report, a CI table), "5 runs" where room does (`terse`: the TUI's soak line with its marks).
 */
export function soakTally(outcomes: readonly SoakRunOutcome[], { terse = false } = {}): string {
  const count = (what: SoakRunOutcome): number => outcomes.filter((o) => o === what).length;
  const failed = count('fail');
  const others = (['cancelled', 'interrupted'] as const).filter((what) => count(what) > 0).map((what) => `${count(what)} ${what}`);
  return [plural(outcomes.length, 'run'), ...(failed > 0 || !terse ? [`${failed} failed`] : []), ...others].join(', ');
}
