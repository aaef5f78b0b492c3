// What a run keeps of its (redacted) log besides the file itself: byte count, sha256 hashed as the
// bytes are written, the first HEAD_BYTES and a rolling last TAIL_BYTES. Memory stays bounded
// whatever the volume.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const HEAD_BYTES = 4 * 1024;
export const TAIL_BYTES = 16 * 1024;

export interface Excerpt {
  head: string;
  tail: string;
  truncated: boolean;
}

export interface LogSummary {
  logBytes: number;
  logSha256: string;
  excerpt: Excerpt;
}

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && (byte & 0xc0) === 0x80;

/** Where the last complete UTF-8 character of `bytes` ends (a split character is left out). */
function completeEnd(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (isContinuation(byte)) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

export class LogCapture {
  private readonly hash = createHash('sha256');
  private readonly headParts: Buffer[] = [];
  private headLength = 0;
  private readonly tailParts: Buffer[] = [];
  private tailLength = 0;
  private total = 0;

  get bytes(): number {
    return this.total;
  }

  add(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.hash.update(chunk);
    this.total += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      // A copy: a view would keep the whole chunk alive.
      const part = Buffer.from(chunk.subarray(0, HEAD_BYTES - this.headLength));
      this.headParts.push(part);
      this.headLength += part.length;
    }
    this.tailParts.push(chunk);
    this.tailLength += chunk.length;
    while (this.tailLength - this.tailParts[0]!.length >= TAIL_BYTES) this.tailLength -= this.tailParts.shift()!.length;
  }

  summary(): LogSummary {
    const head = Buffer.concat(this.headParts, this.headLength);
    const headEnd = this.total > head.length ? completeEnd(head) : head.length;
    const tailBytes = Buffer.concat(this.tailParts, this.tailLength);
    const tailOffset = this.total - this.tailLength;
    let tailStart = Math.max(headEnd, this.total - TAIL_BYTES);
    if (tailStart > headEnd) {
      while (tailStart < this.total && isContinuation(tailBytes[tailStart - tailOffset])) tailStart++;
    }
    return {
      logBytes: this.total,
      logSha256: this.hash.copy().digest('hex'),
      excerpt: {
        head: head.subarray(0, headEnd).toString('utf8'),
        tail: tailBytes.subarray(tailStart - tailOffset).toString('utf8'),
        truncated: tailStart > headEnd,
      },
    };
  }
}

/** Summarizes a log already on disk (a run found interrupted after a crash): a missing file is empty. */
export async function summarizeLogFile(path: string): Promise<LogSummary> {
  const capture = new LogCapture();
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) capture.add(chunk as Buffer);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return capture.summary();
}
