// The per-run log file (0600), created on the first output. Most checks print nothing, and
// creating a file costs a journaled metadata update (about half a millisecond, and it lengthens
// the next fsync of the evidence file): for those runs no log file is made at all. Every reader
// already treats a missing log of a run that recorded 0 bytes as empty (verify, export, report,
// the pager).
import { once } from 'node:events';
import { accessSync, closeSync, constants, createWriteStream, existsSync, fchmodSync, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

/** Directories already made: one run per item of a 300-item checklist should not pay a mkdir each. */
const madeDirs = new Set<string>();

function ensureDir(dir: string): void {
  if (madeDirs.has(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  madeDirs.add(dir);
}

/** Creates (or truncates) the log file, 0600 whatever the umask or the old file's mode. */
function openLogFile(path: string): number {
  try {
    return openSync(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      madeDirs.delete(dirname(path));
      ensureDir(dirname(path));
      return openSync(path, 'wx', 0o600);
    }
    if (code !== 'EEXIST') throw error;
    const fd = openSync(path, 'w', 0o600);
    fchmodSync(fd, 0o600);
    return fd;
  }
}

export class RunLog {
  writeError: Error | undefined;
  private fd: number | undefined;
  private stream: WriteStream | undefined;

  /**
   * Checks, before the command runs, that its output can be logged (the folder exists and is
   * writable). A file already at the path (a run id reused by a recovered copy of a session) is
   * truncated now, as creating it would have, so that it never passes for this run's output.
   */
  constructor(readonly path: string) {
    const dir = dirname(path);
    ensureDir(dir);
    accessSync(dir, constants.W_OK);
    if (existsSync(path)) this.fd = openLogFile(path);
  }

  /** False when the file is backed up and the caller should pause reading. */
  write(bytes: Buffer): boolean {
    if (!this.stream) {
      try {
        this.fd ??= openLogFile(this.path);
      } catch (error) {
        this.writeError ??= error as Error;
        return true;
      }
      this.stream = createWriteStream('', { fd: this.fd, highWaterMark: 1024 * 1024 });
      this.stream.on('error', (error) => (this.writeError ??= error));
    }
    return this.stream.write(bytes);
  }

  /** Resolves when the log has room again (or can take nothing more). */
  drained(): Promise<unknown> {
    if (!this.stream?.writableNeedDrain || this.writeError) return Promise.resolve();
    return once(this.stream, 'drain').catch(() => undefined);
  }

  async close(): Promise<void> {
    const stream = this.stream;
    if (!stream) {
      if (this.fd !== undefined) this.closeFd(this.fd);
      return;
    }
    if (this.writeError) {
      stream.destroy();
      return;
    }
    stream.end();
    await once(stream, 'close').catch((error: Error) => (this.writeError ??= error));
  }

  private closeFd(fd: number): void {
    try {
      closeSync(fd);
    } catch (error) {
      this.writeError ??= error as Error;
    }
  }
}
