// What a dialog shows at a given size, and so how many rows it takes: the title and explanatory
// lines wrapped (never cut mid-word into silence), a confirm dialog's choices packed onto as many
// lines as they need. When the terminal is too short, the explanations go first: the title and
// the keys always stay.
import type { Dialog } from '../../app/tui-context.js';
import { wrapText } from '../../format.js';

export interface DialogLayout {
  title: string[];
  lines: string[];
  /** Confirm dialogs: the choices of each line (indexes into `dialog.choices`; -1 is "Esc cancel"). */
  choiceRows: number[][];
  rows: number;
}

/** Border and padding take 4 columns. */
export const innerWidth = (width: number): number => Math.max(10, width - 4);

const choiceText = (dialog: Dialog, index: number): string => {
  if (dialog.kind !== 'confirm' || index < 0) return 'Esc cancel';
  const choice = dialog.choices[index];
  return choice ? `${choice.key} ${choice.label}` : '';
};

function packChoices(dialog: Dialog, width: number): number[][] {
  if (dialog.kind !== 'confirm') return [];
  const rows: number[][] = [];
  let row: number[] = [];
  let used = 0;
  for (const index of [...dialog.choices.keys(), -1]) {
    const length = [...choiceText(dialog, index)].length;
    if (row.length && used + 2 + length > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length ? 2 : 0) + length;
    row.push(index);
  }
  if (row.length) rows.push(row);
  return rows;
}

export function dialogLayout(dialog: Dialog, width: number, maxRows = Infinity): DialogLayout {
  const inner = innerWidth(width);
  const choiceRows = packChoices(dialog, inner);
  // border (2) + the input line, the problem line and the key line of a prompt
  const keys = 2 + (dialog.kind === 'prompt' ? 3 : choiceRows.length);
  const all = (dialog.lines ?? []).flatMap((line) => wrapText(line, inner, 2));
  // The first line of the title, then the explanations, then the rest of the title.
  const wrapped = wrapText(dialog.title, inner, 2);
  const short = wrapped.length > 1 && keys + wrapped.length + all.length > maxRows;
  const title = short ? wrapText(dialog.title, inner, 1) : wrapped;
  const lines = all.slice(0, Math.max(0, Math.min(all.length, maxRows - keys - title.length)));
  return { title, lines, choiceRows, rows: keys + title.length + lines.length };
}

export { choiceText };
