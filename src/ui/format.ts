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

/** Word-wraps `text` to `width` columns, at most `maxLines` lines (the last one ends in … when cut). */
export function wrapText(text: string, width: number, maxLines: number): string[] {
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
      line = word.length > w ? word.slice(0, w) : word;
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length) kept[kept.length - 1] = truncate(`${kept[kept.length - 1]} …`, w);
  return kept;
}
