// Small text helpers for the screens.
import stripAnsi from 'strip-ansi';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

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

/** Cuts `text` to `width` columns with an ellipsis. Counts code points; Ink truncates again by cells. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, Math.max(0, width)).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

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
      if (next.length <= w) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      const chars = [...word];
      while (chars.length > w) lines.push(chars.splice(0, w).join(''));
      line = chars.join('');
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length) kept[kept.length - 1] = truncate(`${kept[kept.length - 1]} …`, w);
  return kept;
}

// East Asian wide characters and emoji take two terminal cells (an approximation of wcwidth that
// covers what command output carries: CJK, Hangul, full-width forms, pictographs).
const WIDE: Array<[number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1faff], [0x20000, 0x3fffd],
];

export function cellWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
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
    let chars = [...paragraph];
    for (;;) {
      let used = 0;
      let fit = 0;
      while (fit < chars.length && used + cellWidth(chars[fit] as string) <= w) used += cellWidth(chars[fit++] as string);
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
  const last = [...(kept[kept.length - 1] ?? '')];
  kept[kept.length - 1] = `${last.slice(0, -1).join('')}…`;
  return kept;
}
