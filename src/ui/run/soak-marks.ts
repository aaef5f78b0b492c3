// A soak's history as a row of marks, one per run: ✓ passed, ✗ failed, - cancelled by the operator,
// ! interrupted, ▶ running.
// The marks differ by glyph, so they read without color (NO_COLOR).
import { itemKey, type RunState, type SessionState } from '../../domain/session-state.js';
import { plural } from '../format.js';

export type SoakResult = 'pass' | 'fail' | 'cancelled' | 'interrupted' | 'running';

const MARK: Record<SoakResult, string> = { pass: '✓', fail: '✗', cancelled: '-', interrupted: '!', running: '▶' };

export function soakResult(run: RunState): SoakResult {
  if (run.finished?.cancelled) return 'cancelled';
  if (run.finished) return run.finished.result === 'pass' ? 'pass' : 'fail';
  return run.interrupted ? 'interrupted' : 'running';
}

/** Results of the runs of an item's latest soak (in its section's current pass), oldest first. */
export function soakResults(state: SessionState, sectionId: string, itemId: string): SoakResult[] {
  const item = state.items[itemKey(sectionId, itemId)];
  return (item?.runIds ?? [])
    .slice(item?.soakFrom ?? 0)
    .map((id) => state.runs[id])
    .filter((run): run is RunState => run?.purpose === 'watch')
    .map(soakResult);
}

/** "soak: ✓✓✗!✓ 5 runs, 1 failed, 1 interrupted", keeping the latest marks when `width` is short. */
export function soakLine(results: readonly SoakResult[], width: number): string {
  const failed = results.filter((r) => r === 'fail').length;
  // A run cut short by a crash is not a check that failed: it says so on its own.
  const interrupted = results.filter((r) => r === 'interrupted').length;
  // Nor is a run the operator cancelled.
  const cancelled = results.filter((r) => r === 'cancelled').length;
  const counts = `${plural(results.length, 'run')}${failed ? `, ${failed} failed` : ''}${cancelled ? `, ${cancelled} cancelled` : ''}${interrupted ? `, ${interrupted} interrupted` : ''}`;
  const room = Math.max(3, width - 'soak:  '.length - counts.length);
  const marks = results.map((r) => MARK[r]);
  const shown = marks.length > room ? `…${marks.slice(-(room - 1)).join('')}` : marks.join('');
  return `soak: ${shown} ${counts}`;
}
