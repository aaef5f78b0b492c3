// The .tar.gz sink of an export: built block by block with tar's own header encoder (regular
// files and their folders only, under one top folder, no owner or host details) and compressed by
// node's zlib stream, which works on the thread pool while this thread reads and hashes the next
// file, as `tar | gzip` overlaps. Small pieces (headers, padding, the many small logs of a soak)
// are gathered into large writes: each write to the compressor is a thread-pool round trip, and
// thousands of small ones would cost more than the compression itself.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { Header, Pax } from 'tar';
import { sha256, unlessMissing, type BundleSink } from './export-sinks.js';
import { openRegular, openRegularSync } from './regular-file.js';
import type { FileDigest } from './sha256-file.js';

/** Files up to this size are read whole; larger ones are streamed. */
const WHOLE_READ_MAX = 1 << 20;

/**
 * A small file's bytes, read synchronously: the thread pool is left to the compressor (which is
 * what an export waits on), and the read costs no round trip. 'large' for one to stream,
 * undefined when there is no regular file there.
 */
function readSmall(path: string): Buffer | 'large' | undefined {
  const opened = openRegularSync(path);
  if (!opened) return undefined;
  try {
    if (opened.size > WHOLE_READ_MAX) return 'large';
    return readFileSync(opened.fd);
  } finally {
    closeSync(opened.fd);
  }
}

/** Bytes are handed to the compressor in pieces of about this size. */
const BATCH = 1 << 20;
/** Compressed output comes back in pieces of this size (one round trip each). */
const GZIP_CHUNK = 256 * 1024;

const BLOCK = 512;
const READ_CHUNK = 1 << 20;

export class TarSink implements BundleSink {
  private readonly gzip: Gzip = createGzip({ chunkSize: GZIP_CHUNK });
  private readonly out: WriteStream;
  private readonly done: Promise<void>;
  private failed?: Error;
  private readonly mtime = new Date();
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly file: string,
    private readonly top: string,
  ) {
    this.out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.done = pipeline(this.gzip, this.out);
    this.done.catch((error: Error) => (this.failed = error));
    // Folder entries first, so that extracting keeps the package private (0700) like the evidence.
    for (const dir of [top, `${top}/runs`]) {
      const header = new Header({ path: `${dir}/`, mode: 0o700, size: 0, mtime: this.mtime, type: 'Directory', uid: 0, gid: 0 });
      if (header.encode()) this.gather(new Pax({ path: `${dir}/`, mtime: this.mtime }).encode());
      this.gather(header.block as Buffer);
    }
  }

  /**
   * Adds bytes to the next batch; a full batch goes to the compressor, and unless `queue` (the
   * bytes are in memory anyway) this waits for the compressor to catch up.
   */
  private async write(chunk: Buffer, queue = false): Promise<void> {
    if (this.failed) throw this.failed;
    if (chunk.length >= BATCH) {
      // Large enough on its own: not copied into a batch.
      await this.flush(true);
      await this.send(chunk, queue);
      return;
    }
    this.gather(chunk);
    if (this.pendingBytes >= BATCH) await this.flush(queue);
  }

  private gather(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
  }

  private async flush(queue = false): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.send(batch, queue);
  }

  private async send(bytes: Buffer, queue: boolean): Promise<void> {
    if (!this.gzip.write(bytes) && !queue) await Promise.race([once(this.gzip, 'drain'), this.done]);
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

  /** In order; small files are read while the compressor works through the earlier ones. */
  async addFiles(files: Array<{ path: string; from: string }>): Promise<Array<FileDigest | undefined>> {
    const digests: Array<FileDigest | undefined> = [];
    for (const file of files) {
      const got = readSmall(file.from);
      if (got === undefined) digests.push(undefined);
      else if (got === 'large') digests.push(await this.streamFile(file.path, file.from).catch(unlessMissing));
      else digests.push(await this.addRead(file.path, got));
    }
    return digests;
  }

  private async addRead(path: string, bytes: Buffer): Promise<FileDigest> {
    await this.header(path, bytes.length);
    await this.write(bytes);
    await this.pad(bytes.length);
    return { sha256: sha256(bytes), bytes: bytes.length };
  }

  private async streamFile(path: string, from: string): Promise<FileDigest | undefined> {
    const opened = await openRegular(from);
    if (!opened) return undefined;
    const { handle, size } = opened;
    try {
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
    await this.flush();
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
