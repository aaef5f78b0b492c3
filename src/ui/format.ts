// Small text helpers for the screens.
import stripAnsi from 'strip-ansi';
import { formatOffset } from '../domain/duration.js';
import { characters, columnsOf, fitStart } from '../domain/plain-text.js';

export { formatBytes } from '../domain/bytes.js';

/**
 * One line of command output made safe to draw: colors and cursor movements removed, a carriage
 * return keeps only what was drawn last (progress bars), tabs become spaces, other control
 * characters are dropped.
 */
export function displayLine(line: string): string {
  const lastCr = line.lastIndexOf('\r', line.length - 2);
  const visible = lastCr >= 0 ? line.slice(lastCr + 1) : line;
  return stripAnsi(visible)
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** Cuts `text` to `width` terminal columns with an ellipsis, between whole characters. */
export function truncate(text: string, width: number): string {
  if (columnsOf(text) <= width) return text;
  if (width <= 1) return fitStart(text, Math.max(0, width));
  return `${fitStart(text, width - 1)}…`;
}

export { plural } from '../domain/plural.js';

/** Local date and time of an ISO timestamp, YYYY-MM-DD HH:MM. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Local wall-clock time of an ISO timestamp, HH:MM:SS. */
export function clockTime(iso: string | undefined): string {
  if (!iso) return '-';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toTimeString().slice(0, 8);
}

/** When something happened, as the operator counts: `T+04:12` once T0 is marked, else the clock time. */
export function sessionTime(t0: string | undefined, iso: string): string {
  return t0 ? formatOffset(Date.parse(iso) - Date.parse(t0)) : clockTime(iso);
}

/**
 * Word-wraps `text` to `width` columns, at most `maxLines` lines (the last one ends in … when cut).
 * A word longer than a line is broken across lines, never shortened: a command must read as it runs.
 */
export function wrapText(text: string, width: number, maxLines = Infinity): string[] {
  const w = Math.max(8, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (columnsOf(next) <= w) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (columnsOf(line) > w) {
        const head = fitStart(line, w) || (characters(line)[0] as string);
        lines.push(head);
        line = line.slice(head.length);
      }
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length) kept[kept.length - 1] = truncate(`${kept[kept.length - 1]} …`, w);
  return kept;
}

/**
 * Breaks `text` into lines of at most `width` terminal cells without changing a character: spaces
 * are kept as typed (a command must read exactly as it runs), and a break goes after a space when
 * one is in the second half of the line.
 */
export function wrapExact(text: string, width: number): string[] {
  const w = Math.max(8, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let chars = characters(paragraph);
    for (;;) {
      let used = 0;
      let fit = 0;
      while (fit < chars.length && used + columnsOf(chars[fit] as string) <= w) used += columnsOf(chars[fit++] as string);
      if (fit >= chars.length) break;
      const space = chars.lastIndexOf(' ', fit - 1);
      const cut = space >= fit / 2 ? space + 1 : Math.max(1, fit);
      lines.push(chars.slice(0, cut).join(''));
      chars = chars.slice(cut);
    }
    lines.push(chars.join(''));
  }
  return lines;
}

/** At most `max` rows; a cut shows as … at the end of the last one kept. */
export function fitRows(rows: string[], max: number): string[] {
  if (rows.length <= max) return rows;
  const kept = rows.slice(0, Math.max(1, max));
  const last = kept[kept.length - 1] ?? '';
  kept[kept.length - 1] = `${fitStart(last, columnsOf(last) - 1)}…`;
  return kept;
}
