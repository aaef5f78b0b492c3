// The last lines of a running command's output, in bounded memory however much it prints: at
// most `maxLines` lines of at most `maxLineLength` characters are kept.
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
    // Only the end of a huge chunk can still be on screen.
    const limit = this.maxLines * (this.maxLineLength + 1);
    let chunk = text;
    if (chunk.length > limit) {
      chunk = chunk.slice(-limit);
      this.lines = [];
      this.partial = '…';
    }
    const parts = (this.partial + chunk).split('\n');
    this.partial = (parts.pop() ?? '').slice(-this.maxLineLength * 4);
    for (const part of parts) this.lines.push(displayLine(part).slice(0, this.maxLineLength));
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  /** Separates the output of successive runs (soaks). */
  mark(text: string): void {
    if (this.partial) this.lines.push(displayLine(this.partial).slice(0, this.maxLineLength));
    this.partial = '';
    this.lines.push(text);
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  tail(count: number): string[] {
    const partial = this.partial ? [displayLine(this.partial).slice(0, this.maxLineLength)] : [];
    const all = [...this.lines.slice(-count), ...partial];
    return all.slice(-count);
  }
}
