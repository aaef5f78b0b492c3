// Where an export's files go: a folder (here) or a .tar.gz written as a stream (export-tar.ts).
// Either way each file is read once and hashed as it passes, so SHA256SUMS costs no second read.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir } from './durable-file.js';
import { makeDirs } from './make-dirs.js';
import { mapLimit } from './map-limit.js';
import { copyWithSha256, type FileDigest } from './sha256-file.js';

export interface BundleSink {
  /** Adds a file with these exact bytes (already in memory: a tarball queues them without waiting); returns its sha256. */
  addBytes(path: string, bytes: Buffer): Promise<string>;
  /**
   * Adds copies of files as they are now (a log still growing is cut at its current size), in
   * order; a missing file gives undefined.
   */
  addFiles(files: Array<{ path: string; from: string }>): Promise<Array<FileDigest | undefined>>;
  finish(): Promise<void>;
  abort(): void;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const COPY_CONCURRENCY = 8;

export function unlessMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

export class DirSink implements BundleSink {
  private readonly dirs = new Set<string>();

  constructor(private readonly root: string) {}

  private async parent(path: string): Promise<string> {
    const target = join(this.root, path);
    const dir = dirname(target);
    if (!this.dirs.has(dir)) {
      await makeDirs(dir, 0o700);
      this.dirs.add(dir);
    }
    return target;
  }

  async addBytes(path: string, bytes: Buffer): Promise<string> {
    await writeFile(await this.parent(path), bytes, { flag: 'wx', mode: 0o600 });
    return sha256(bytes);
  }

  /** Order does not matter in a folder: copied a few at a time. */
  async addFiles(files: Array<{ path: string; from: string }>): Promise<Array<FileDigest | undefined>> {
    return mapLimit(files, COPY_CONCURRENCY, async ({ path, from }) => copyWithSha256(from, await this.parent(path)).catch(unlessMissing));
  }

  async finish(): Promise<void> {
    for (const dir of this.dirs) await fsyncDir(dir);
  }

  abort(): void {}
}
