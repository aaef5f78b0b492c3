// The last lines of a running command's output, in bounded memory and bounded work however much
// it prints: at most `maxLines` raw lines of at most `maxLineLength` characters are kept, a chunk
// is only split as far back as it can still be on screen, and lines are cleaned for display only
// when they are drawn.
import { displayLine } from '../format.js';

export class TailBuffer {
  private lines: string[] = [];
  private partial = '';
  bytes = 0;

  constructor(
    readonly maxLines = 400,
    readonly maxLineLength = 500,
  ) {}

  push(text: string): void {
    this.bytes += Buffer.byteLength(text);
    const combined = this.partial + text;
    const lastNewline = combined.lastIndexOf('\n');
    if (lastNewline === -1) {
      this.partial = this.capPartial(combined);
      return;
    }
    this.partial = this.capPartial(combined.slice(lastNewline + 1));
    // Walk back at most maxLines newlines: older lines of this chunk would be dropped anyway.
    let start = lastNewline;
    let count = 0;
    while (count < this.maxLines) {
      const previous = combined.lastIndexOf('\n', start - 1);
      count++;
      if (previous === -1) {
        start = -1;
        break;
      }
      start = previous;
    }
    const fresh = combined.slice(start + 1, lastNewline).split('\n');
    if (fresh.length >= this.maxLines) this.lines = [];
    for (const line of fresh) this.lines.push(line.length > this.maxLineLength ? line.slice(0, this.maxLineLength) : line);
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  /** A line of its own, e.g. between the runs of a soak. */
  mark(text: string): void {
    if (this.partial) this.lines.push(this.partial.slice(0, this.maxLineLength));
    this.partial = '';
    this.lines.push(text);
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  /** The last `count` lines, cleaned for display (the unfinished last line included). */
  tail(count: number): string[] {
    const raw = this.partial ? [...this.lines.slice(-count), this.partial] : this.lines.slice(-count);
    return raw.slice(-count).map((line) => displayLine(line).slice(0, this.maxLineLength));
  }

  // A progress bar redraws one line forever: keep its end, which is what the terminal would show.
  private capPartial(text: string): string {
    return text.length > this.maxLineLength * 4 ? text.slice(-this.maxLineLength * 4) : text;
  }
}
