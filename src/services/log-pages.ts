// Reads a run log a page at a time, by byte offset, so that paging through a 1 GB log never holds
// more than one window of it in memory.
import { open, stat } from 'node:fs/promises';

export interface LogPage {
  lines: string[];
  /** Byte offset where each line starts. */
  offsets: number[];
  /** Byte offset just past the last line returned. */
  end: number;
  size: number;
}

const WINDOW = 64 * 1024;

async function readRange(path: string, start: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A run that printed nothing has no log file: it reads as empty. */
export async function logSize(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return 0;
      throw error;
    },
  );
}

/** Splits a buffer read at `start` into lines; a line longer than the window is cut into pieces. */
function splitLines(buffer: Buffer, start: number, complete: boolean): { lines: string[]; offsets: number[]; end: number } {
  const lines: string[] = [];
  const offsets: number[] = [];
  let from = 0;
  for (;;) {
    const nl = buffer.indexOf(0x0a, from);
    if (nl === -1) break;
    lines.push(buffer.subarray(from, nl).toString('utf8'));
    offsets.push(start + from);
    from = nl + 1;
  }
  if (from < buffer.length && (complete || from === 0)) {
    lines.push(buffer.subarray(from).toString('utf8'));
    offsets.push(start + from);
    from = buffer.length;
  }
  return { lines, offsets, end: start + from };
}

/** Up to `count` lines starting at byte `from` (a line start). */
export async function readLinesFrom(path: string, from: number, count: number): Promise<LogPage> {
  const size = await logSize(path);
  const start = Math.max(0, Math.min(from, size));
  const length = Math.min(WINDOW, size - start);
  const buffer = length > 0 ? await readRange(path, start, length) : Buffer.alloc(0);
  const split = splitLines(buffer, start, start + length >= size);
  const lines = split.lines.slice(0, count);
  const offsets = split.offsets.slice(0, count);
  const end = lines.length < split.lines.length ? (split.offsets[lines.length] as number) : split.end;
  return { lines, offsets, end, size };
}

/** The byte offset where the line `count` lines before byte `to` starts (0 at the top). */
export async function lineStartBefore(path: string, to: number, count: number): Promise<number> {
  let position = to;
  for (let remaining = count; remaining > 0 && position > 0; remaining--) {
    const windowStart = Math.max(0, position - WINDOW);
    // position - 1 is the newline that ends the previous line; look for the one before it
    const buffer = await readRange(path, windowStart, position - 1 - windowStart);
    const nl = buffer.lastIndexOf(0x0a);
    position = nl === -1 ? windowStart : windowStart + nl + 1;
  }
  return position;
}
