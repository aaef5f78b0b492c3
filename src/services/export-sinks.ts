// Where an export's files go: a folder, or a .tar.gz written as a stream. Either way each file is
// read once and hashed as it passes, so SHA256SUMS costs no second read.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { Header, Pax } from 'tar';
import { fsyncDir } from './durable-file.js';
import { copyWithSha256, type FileDigest } from './sha256-file.js';

export interface BundleSink {
  /** Adds a file with these exact bytes (already in memory: a tarball queues them without waiting); returns its sha256. */
  addBytes(path: string, bytes: Buffer): Promise<string>;
  /** Adds a copy of `from` as it is now (a log still growing is cut at its current size). */
  addFile(path: string, from: string): Promise<FileDigest>;
  finish(): Promise<void>;
  abort(): void;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export class DirSink implements BundleSink {
  private readonly dirs = new Set<string>();

  constructor(private readonly root: string) {}

  private async parent(path: string): Promise<string> {
    const target = join(this.root, path);
    const dir = dirname(target);
    if (!this.dirs.has(dir)) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      this.dirs.add(dir);
    }
    return target;
  }

  async addBytes(path: string, bytes: Buffer): Promise<string> {
    await writeFile(await this.parent(path), bytes, { flag: 'wx', mode: 0o600 });
    return sha256(bytes);
  }

  async addFile(path: string, from: string): Promise<FileDigest> {
    return copyWithSha256(from, await this.parent(path));
  }

  async finish(): Promise<void> {
    for (const dir of this.dirs) await fsyncDir(dir);
  }

  abort(): void {}
}

const BLOCK = 512;
const READ_CHUNK = 1 << 20;

/**
 * A .tar.gz built block by block with tar's own header encoder: regular files only, paths under
 * one top folder, no owner or host details. Compressed by node's zlib stream, which works on the
 * thread pool while this thread reads and hashes the next file (as `tar | gzip` overlaps).
 */
export class TarSink implements BundleSink {
  private readonly gzip: Gzip = createGzip({ chunkSize: 64 * 1024 });
  private readonly out: WriteStream;
  private readonly done: Promise<void>;
  private failed?: Error;
  private readonly mtime = new Date();

  constructor(
    private readonly file: string,
    private readonly top: string,
  ) {
    this.out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.done = pipeline(this.gzip, this.out);
    this.done.catch((error: Error) => (this.failed = error));
  }

  /** Writes, then waits for the compressor to catch up unless `queue` (the bytes are in memory anyway). */
  private async write(chunk: Buffer, queue = false): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.gzip.write(chunk) && !queue) await Promise.race([once(this.gzip, 'drain'), this.done]);
    if (this.failed) throw this.failed;
  }

  private async header(path: string, size: number, queue = false): Promise<void> {
    const data = { path: `${this.top}/${path}`, mode: 0o600, size, mtime: this.mtime, type: 'File' as const, uid: 0, gid: 0 };
    const header = new Header(data);
    if (header.encode()) await this.write(new Pax(data).encode(), queue);
    await this.write(header.block as Buffer, queue);
  }

  private async pad(size: number, queue = false): Promise<void> {
    const rest = size % BLOCK;
    if (rest) await this.write(Buffer.alloc(BLOCK - rest), queue);
  }

  async addBytes(path: string, bytes: Buffer): Promise<string> {
    await this.header(path, bytes.length, true);
    await this.write(bytes, true);
    await this.pad(bytes.length, true);
    return sha256(bytes);
  }

  async addFile(path: string, from: string): Promise<FileDigest> {
    const handle = await open(from, 'r');
    try {
      const size = (await handle.stat()).size;
      await this.header(path, size);
      const hash = createHash('sha256');
      let position = 0;
      while (position < size) {
        const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, size - position));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) throw new Error(`${from} shrank while it was being exported`);
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await this.write(chunk);
        position += bytesRead;
      }
      await this.pad(size);
      return { sha256: hash.digest('hex'), bytes: size };
    } finally {
      await handle.close();
    }
  }

  async finish(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK));
    this.gzip.end();
    await this.done;
    const handle = await open(this.file, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  abort(): void {
    this.gzip.destroy();
  }
}
