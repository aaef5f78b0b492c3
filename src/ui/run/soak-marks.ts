// A soak's history as a row of marks, one per run: ✓ passed, ✗ failed, - cancelled by the operator,
// ! interrupted, ▶ running.
// The marks differ by glyph, so they read without color (NO_COLOR).
import { itemKey, type RunState, type SessionState } from '../../domain/session-state.js';
import { soakRunOutcome, soakTally, type SoakRunOutcome } from '../../domain/soak-tally.js';


const MARK: Record<SoakRunOutcome, string> = { pass: '✓', fail: '✗', cancelled: '-', interrupted: '!', running: '▶' };

/** Results of the runs of an item's latest soak (in its section's current pass), oldest first. */
export function soakResults(state: SessionState, sectionId: string, itemId: string): SoakRunOutcome[] {
  const item = state.items[itemKey(sectionId, itemId)];
  return (item?.runIds ?? [])
    .slice(item?.soakFrom ?? 0)
    .map((id) => state.runs[id])
    .filter((run): run is RunState => run?.purpose === 'watch')
    .map(soakRunOutcome);
}

/** "soak: ✓✓✗!✓ 5 runs, 1 failed, 1 interrupted", keeping the latest marks when `width` is short. */
export function soakLine(results: readonly SoakRunOutcome[], width: number): string {
  const counts = soakTally(results, { terse: true });
  const room = Math.max(3, width - 'soak:  '.length - counts.length);
  const marks = results.map((r) => MARK[r]);
  const shown = marks.length > room ? `…${marks.slice(-(room - 1)).join('')}` : marks.join('');
  return `soak: ${shown} ${counts}`;
}
