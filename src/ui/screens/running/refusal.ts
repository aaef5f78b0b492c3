// A destructive item a drill refused: nothing ran, so the screen says why, and what the operator
// can do instead, where the output would be.
import { lastDestructive } from '../../../domain/progress.js';
import type { SessionState } from '../../../domain/session-state.js';
import type { CutoverSession } from '../../../services/session.js';
import { wrapText } from '../../format.js';
import { displayPath } from '../../paths.js';
import type { RunView } from '../../run/run-controller.js';

/** Whether `view` ended because this drill refused its destructive item (recorded since the run started). */
export function drillRefused(session: CutoverSession, state: SessionState, view: RunView): boolean {
  if (view.phase !== 'error' || view.request.kind === 'inject' || session.mode !== 'drill' || session.allowDestructive) return false;
  const { sectionId, itemId } = view.request;
  const last = lastDestructive(state, sectionId, itemId);
  return last?.outcome === 'refused' && Date.parse(last.at) >= view.startedAt - 1_000;
}

/** The verdict: what happened comes first (a short terminal shows one line of it), then why. */
export function refusalVerdict(width: number, maxLines: number): string[] {
  return wrapText('✗ REFUSED, nothing ran: this drill was opened without --allow-destructive', width, maxLines);
}

/** Where the output would be: the two ways on, then that the refusal is on record. */
export function refusalLines(session: CutoverSession, width: number): string[] {
  return [
    'To mark it by hand: Esc, then p (pass), f (fail) or s (skip).',
    `To run it: quit, then cutover resume ${displayPath(session.evidencePath)} --allow-destructive`,
    'The refusal is recorded in the evidence.',
  ].flatMap((text) => wrapText(text, width));
}
