// What a dialog shows at a given size, and so how many rows it takes. Its keys always show whole:
// a confirm dialog's choices are packed onto as many lines as they need (a label longer than a
// line wraps, never cut). When the terminal is short the frame gives way first (a rule with the
// title in it replaces the box), then the explanations, the last one shown ending in … so a cut
// never reads as the whole story. The first line of the title and the keys always stay.
import type { Dialog } from '../../app/tui-context.js';
import { truncate, wrapText } from '../../format.js';
import { columnsOf } from '../../../domain/plain-text.js';

/** One piece of a line of choices: `key` (shown bold) and its label, or the rest of a wrapped label. */
export interface ChoicePiece {
  /** Index into `dialog.choices`; -1 is "Esc cancel". */
  index: number;
  key?: string;
  text: string;
}

export interface DialogLayout {
  /** A rounded box; otherwise a rule with the title in it, and the lines below at full width. */
  framed: boolean;
  title: string[];
  lines: string[];
  /** Confirm dialogs: the lines of choices. */
  choiceRows: ChoicePiece[][];
  /** Prompts: whether a refused answer's problem gets a line of its own (else it takes the key line). */
  problemRow: boolean;
  rows: number;
}

/** Border and padding take 4 columns. */
export const innerWidth = (width: number): number => Math.max(10, width - 4);

function choicePieces(dialog: Dialog): Array<{ index: number; key: string; label: string }> {
  if (dialog.kind !== 'confirm') return [];
  return [...dialog.choices.map((c, index) => ({ index, key: c.key, label: c.label })), { index: -1, key: 'Esc', label: 'cancel' }];
}

/** Whole choices side by side, two spaces apart; one longer than a line wraps onto lines of its own. */
export function packChoices(dialog: Dialog, width: number): ChoicePiece[][] {
  const rows: ChoicePiece[][] = [];
  let row: ChoicePiece[] = [];
  let used = 0;
  for (const { index, key, label } of choicePieces(dialog)) {
    const length = columnsOf(`${key} ${label}`);
    if (row.length && used + 2 + length > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    if (!row.length && length > width) {
      const [first = '', ...rest] = wrapText(label, width - columnsOf(key) - 1);
      rows.push([{ index, key, text: first }], ...rest.map((text) => [{ index, text: `${' '.repeat(columnsOf(key) + 1)}${text}` }]));
      continue;
    }
    used += (row.length ? 2 : 0) + length;
    row.push({ index, key, text: label });
  }
  if (row.length) rows.push(row);
  return rows;
}

interface Frame {
  framed: boolean;
  inner: number;
  /** Rows the frame adds to the text: a box's borders, or none (the rule is the title's first line). */
  chrome: number;
}

const frames = (width: number): Frame[] => [
  { framed: true, inner: innerWidth(width), chrome: 2 },
  { framed: false, inner: Math.max(10, width), chrome: 0 },
];

function layoutIn(dialog: Dialog, frame: Frame, maxRows: number): DialogLayout & { whole: boolean } {
  const choiceRows = packChoices(dialog, frame.inner);
  // the rule's "─ " before the title (what follows it is only drawn where there is room)
  const titleWidth = frame.framed ? frame.inner : frame.inner - 2;
  const problemRow = dialog.kind === 'prompt' && frame.framed;
  // a prompt: the input line, the problem line (framed only) and the key line
  const keys = frame.chrome + (dialog.kind === 'prompt' ? (problemRow ? 3 : 2) : choiceRows.length);
  const all = (dialog.lines ?? []).flatMap((line) => wrapText(line, frame.inner, 2));
  const wrapped = wrapText(dialog.title, titleWidth, 2);
  const whole = keys + wrapped.length + all.length <= maxRows;
  const title = whole ? wrapped : wrapText(dialog.title, titleWidth, 1);
  const room = Math.max(0, maxRows - keys - title.length);
  const lines = all.slice(0, room);
  if (lines.length < all.length) {
    // What is cut says so: the last explanation shown ends in …, or else the title does when that
    // does not cut into it (the title of a mark dialog ends in what the mark is).
    const last = title.length - 1;
    const shown = lines.at(-1);
    if (shown !== undefined && !shown.endsWith('…')) lines[lines.length - 1] = truncate(`${shown} …`, frame.inner);
    else if (shown === undefined && columnsOf(`${title[last]} …`) <= titleWidth) title[last] = `${title[last]} …`;
  }
  return { framed: frame.framed, title, lines, choiceRows, problemRow, rows: keys + title.length + lines.length, whole };
}

/**
 * The layout of `dialog` in `width` columns and at most `maxRows` rows: the box when all of it fits,
 * else the rule when all of it fits that way, else the rule with the explanations cut. The title's
 * first line and every key are never cut, so `rows` can exceed a `maxRows` too small for them.
 */
export function dialogLayout(dialog: Dialog, width: number, maxRows = Infinity): DialogLayout {
  const [boxed, ruled] = frames(width).map((frame) => layoutIn(dialog, frame, maxRows)) as [ReturnType<typeof layoutIn>, ReturnType<typeof layoutIn>];
  const { whole: _whole, ...chosen } = boxed.whole ? boxed : ruled;
  return chosen;
}
