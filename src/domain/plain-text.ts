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

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns `text` takes in a terminal, measured as Ink draws it: wide characters (CJK, most emoji) take two. */
export function columnsOf(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

// In the TUI bundle the build swaps Intl.Segmenter for FastSegmenter (src/ui/text/fast-segmenter.ts).
let graphemes: Intl.Segmenter | undefined;

/** The characters (grapheme clusters) of `text`, each drawn as one unit: an emoji or an accented letter is never split. */
export function characters(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split('');
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** The longest start of `text` that fits in `width` columns, cut between whole characters. */
export function fitStart(text: string, width: number): string {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, width));
  let out = '';
  let used = 0;
  for (const ch of characters(text)) {
    const cells = stringWidth(ch);
    if (used + cells > width) break;
    out += ch;
    used += cells;
  }
  return out;
}

/** Plain text in exactly `width` columns: padded, or cut to fit with an ellipsis. */
export function fitColumns(raw: string, width: number): string {
  const text = oneLine(raw);
  const used = columnsOf(text);
  if (used <= width) return text + ' '.repeat(width - used);
  const kept = fitStart(text, width - 1);
  return `${kept}…${' '.repeat(width - 1 - columnsOf(kept))}`;
}

/** `text` padded on the right to `width` columns (never cut). */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
