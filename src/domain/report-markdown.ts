// Small markdown builders for the report: table cells that cannot break the table, code spans and
// fences that cannot be closed early by the text they hold.

/** Escapes a value for one GFM table cell: pipes escaped, line breaks folded. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** Inline code span, safe for any content (use inside a table through `cell`). */
export function code(text: string): string {
  const oneLine = text.replace(/\r?\n/g, ' ');
  const ticks = '`'.repeat(longestBacktickRun(oneLine) + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}

/** Fenced block whose fence is longer than any backtick run inside (and at least three). */
export function fence(text: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${ticks}${lang}\n${body}${ticks}`;
}

/** A GFM table; every cell is escaped here so callers pass plain text (or `code()` output). */
export function table(headers: string[], rows: string[][]): string {
  const head = `| ${headers.map(cell).join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${row.map(cell).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/**
 * Escapes what would turn free text (titles, notes) into markup, and no more: the raw report is
 * also read as plain text, so snake_case, paths and `a => b` stay as typed (a `>` only quotes at the
 * start of a line; `<` is escaped, so no HTML). Line breaks are kept.
 */
export function text(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*<[\]]|(?<!\w)_|_(?!\w)/g, (ch) => `\\${ch}`)
        .replace(/^(\s*)([#+=>-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2'),
    )
    .join('  \n');
}

export { plural } from './plural.js';

export { formatBytes } from './bytes.js';
