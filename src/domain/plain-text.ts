// Text from checklists, flags and evidence printed to a terminal: an escape sequence in a title or
// a ticket id must not clear the screen, retitle the window or colour what follows.
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';

/** One line of plain text: colours and escape sequences removed, line breaks and other control characters shown as spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return stripAnsi(text).replace(/[\x00-\x1f\x7f-\x9f]/g, ' ');
}

/** Plain text that may span lines: as oneLine, but line breaks kept. */
export function plainLines(text: string): string {
  return text.split('\n').map(oneLine).join('\n');
}

/** Columns `text` takes in a terminal: wide characters (CJK, most emoji) take two. */
export function columnsOf(text: string): number {
  return stringWidth(text);
}

let graphemes: Intl.Segmenter | undefined;

/**
 * Plain text in exactly `width` columns: padded, or cut to fit with an ellipsis. Cuts fall between
 * whole characters (an emoji or an accented letter is never split).
 */
export function fitColumns(raw: string, width: number): string {
  const text = oneLine(raw);
  const used = stringWidth(text);
  if (used <= width) return text + ' '.repeat(width - used);
  if (/^[\x20-\x7e]*$/.test(text)) return `${text.slice(0, width - 1)}…`;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let taken = 0;
  for (const { segment } of graphemes.segment(text)) {
    const cells = stringWidth(segment);
    if (taken + cells > width - 1) break;
    out += segment;
    taken += cells;
  }
  return `${out}…${' '.repeat(width - 1 - taken)}`;
}

/** `text` padded on the right to `width` columns (never cut). */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
