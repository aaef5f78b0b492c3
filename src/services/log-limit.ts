// How much of a run's output its log keeps. A command that floods its output (a `tail -f`, a
// `yes` by mistake) must not fill the disk that holds the evidence: once a log reaches its
// limit, or the disk's free space falls to the reserve kept for the evidence file itself, the
// rest of the output is still read (the command is never blocked or changed by it) and still
// judged by the expectation and shown live, but not written. The log then ends with a line
// that says so, and the excerpt (taken from the log) carries it into the evidence.
import { statfsSync } from 'node:fs';

export interface LogLimits {
  /** The most one run's log keeps. */
  maxBytes: number;
  /** Logging stops when the disk would have less than this left free. */
  reserveBytes: number;
  /** Free bytes on the filesystem holding `dir` (for tests: a disk that is nearly full). */
  freeBytes?: (dir: string) => number;
}

const MiB = 1024 * 1024;
export const DEFAULT_LOG_LIMITS: LogLimits = { maxBytes: 1024 * MiB, reserveBytes: 32 * MiB };
/** Free space is looked at again after this much has been written (a statfs costs microseconds). */
const FREE_SPACE_EVERY = MiB;

function freeBytesOf(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

const size = (bytes: number): string => (bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${bytes} bytes`);
const exactSize = (bytes: number): string => (bytes >= MiB ? `${size(bytes)} (${bytes} bytes)` : size(bytes));

export class LogLimit {
  private kept = 0;
  private dropped = 0;
  private stoppedBecause: string | undefined;
  private nextFreeCheck = 0;

  constructor(
    private readonly dir: string,
    private readonly limits: LogLimits = DEFAULT_LOG_LIMITS,
  ) {}

  /** The part of `bytes` the log keeps: all of it, a prefix, or nothing. */
  keep(bytes: Buffer): Buffer {
    if (!this.stoppedBecause && this.kept + bytes.length > this.limits.maxBytes) {
      this.stoppedBecause = `it reached ${size(this.limits.maxBytes)}, the most one run's log keeps`;
      return this.take(bytes, this.limits.maxBytes - this.kept);
    }
    if (!this.stoppedBecause && this.kept + bytes.length >= this.nextFreeCheck) {
      this.nextFreeCheck = this.kept + bytes.length + FREE_SPACE_EVERY;
      const free = this.free();
      if (free !== undefined && free - bytes.length < this.limits.reserveBytes) {
        this.stoppedBecause = `the disk holding the evidence is down to ${size(free)} free (${size(this.limits.reserveBytes)} is kept for the evidence file)`;
      }
    }
    return this.take(bytes, this.stoppedBecause ? 0 : bytes.length);
  }

  /** The line that ends a log cut short, or undefined when it kept everything. */
  endNote(): string | undefined {
    if (!this.stoppedBecause) return undefined;
    return `\n[cutover: the log stopped here because ${this.stoppedBecause}; ${exactSize(this.dropped)} more output was not kept]\n`;
  }

  private take(bytes: Buffer, count: number): Buffer {
    this.kept += count;
    this.dropped += bytes.length - count;
    return count === bytes.length ? bytes : bytes.subarray(0, count);
  }

  private free(): number | undefined {
    try {
      return (this.limits.freeBytes ?? freeBytesOf)(this.dir);
    } catch {
      return undefined; // a filesystem that cannot say: only the size limit applies
    }
  }
}
