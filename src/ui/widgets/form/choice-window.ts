// The choices of a choice field that fit its width, always including the chosen one: on a narrow
// terminal the row scrolls with the choice (and says more are hidden) instead of cutting it off.
import { columnsOf } from '../../../domain/plain-text.js';

export interface ChoiceWindow {
  start: number;
  end: number;
  /** Choices are hidden before `start` / from `end` on. */
  before: boolean;
  after: boolean;
}

const cells = (choice: string, chosen: boolean): number => columnsOf(choice) + (chosen ? 2 : 0);

/** The run of choices [start, end) around `chosen` that fits `width` columns, "… " markers included. */
export function choiceWindow(choices: readonly string[], chosen: string, width: number): ChoiceWindow {
  const total = choices.reduce((sum, c, i) => sum + cells(c, c === chosen) + (i > 0 ? 1 : 0), 0);
  if (total <= width) return { start: 0, end: choices.length, before: false, after: false };
  const at = Math.max(0, choices.indexOf(chosen));
  let start = at;
  let end = at + 1;
  const used = (): number =>
    choices.slice(start, end).reduce((sum, c, i) => sum + cells(c, c === chosen) + (i > 0 ? 1 : 0), 0) + (start > 0 ? 2 : 0) + (end < choices.length ? 2 : 0);
  // Grow to the right first (the next choice is what ←/→ reaches), then to the left, while it fits.
  for (let grew = true; grew; ) {
    grew = false;
    if (end < choices.length) {
      end++;
      if (used() <= width) grew = true;
      else end--;
    }
    if (start > 0) {
      start--;
      if (used() <= width) grew = true;
      else start++;
    }
  }
  return { start, end, before: start > 0, after: end < choices.length };
}
