// Writes that survive a crash or power cut: a new file appears whole or not at all, and a
// positional write is on disk before the promise resolves.
import { randomBytes } from 'node:crypto';
import { constants, fdatasyncSync, writeSync } from 'node:fs';
import { chmod, link, mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { CutoverError, EXIT } from '../domain/errors.js';
import { knownFileError } from './file-errors.js';
import { basename, dirname, join } from 'node:path';

/** fsync a directory so that a rename or a new entry in it survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface DurableWriteOptions {
  mode?: number;
  /** Refuse (EEXIST) instead of replacing an existing file. */
  noClobber?: boolean;
}

/** Write to a temp file beside `path`, fsync it, rename (or link, for noClobber) it in place, fsync the directory. */
export async function writeFileDurable(path: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const mode = options.mode ?? 0o600;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', mode);
    await handle.chmod(mode); // exact mode whatever the umask
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.noClobber) {
      await link(temp, path);
      await unlink(temp);
    } else {
      await rename(temp, path);
    }
    await fsyncDir(dirname(path));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Write all of `data` at `offset`, looping over short writes; in the page cache (a kill -9 cannot lose it), not yet on disk. */
export function writeAllAtSync(fd: number, data: Uint8Array, offset: number): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written, offset + written);
}

/**
 * writeAllAtSync, then fdatasync. Synchronous on purpose: an event is a few hundred bytes and its
 * caller waits for it to be durable anyway, and each thread-pool round trip (write, then sync)
 * costs more than the write itself: a 300-item headless run appends 600 events.
 */
export function writeAtDurableSync(fd: number, data: Uint8Array, offset: number): void {
  writeAllAtSync(fd, data, offset);
  fdatasyncSync(fd);
}

/** Where a path leads nowhere, said of a directory rather than a file. */
const DIRECTORY_REASONS: Readonly<Record<string, string>> = { ENOENT: 'no such file or directory', ENOTDIR: 'a part of the path is not a directory' };

/**
 * Disk errors an operator can fix (permissions, a full or read-only disk, a path that leads
 * nowhere) become one clear line and exit 2: nothing was run, so it is not a failed check (1).
 */
export function asUserError(action: string, error: unknown): unknown {
  const reason = DIRECTORY_REASONS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''] ?? knownFileError(error);
  return reason ? new CutoverError(`cannot ${action}: ${reason}`, EXIT.usage, 'choose another place with --evidence-dir, or fix the directory') : error;
}

/** mkdir with exactly `mode` (whatever the umask); an existing directory is left as it is. */
export async function mkdirExact(path: string, mode: number): Promise<void> {
  try {
    await mkdir(path, { mode });
    await chmod(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
