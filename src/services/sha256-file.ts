// Hashing files (large ones streamed: memory stays flat however large a run log is), and copying
// a file while hashing it, so an export reads every byte once.
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Files up to this size are read in one call (far cheaper than a stream for many small logs). */
const WHOLE_READ_MAX = 8 * 1024 * 1024;

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/**
 * The sha256 of a small regular file read synchronously (no thread-pool round trips: verifying
 * thousands of soak logs is dominated by them); 'large' when it should be streamed instead.
 */
export function sha256SmallFileSync(path: string): FileDigest | 'large' | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return undefined;
    if (info.size > WHOLE_READ_MAX) return 'large';
    const bytes = readFileSync(fd);
    return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  } finally {
    closeSync(fd);
  }
}

/** The sha256 of a regular file, or undefined when there is no regular file at `path`. */
export async function sha256File(path: string): Promise<FileDigest | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    if (info.size <= WHOLE_READ_MAX) {
      const bytes = await handle.readFile();
      return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    }
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await handle.close();
  }
}

/**
 * Copies `from` to a new file `to` (refuses to replace one) and returns the sha256 of the bytes
 * copied: a small file in one read and one write, a large one streamed, hashed as it passes.
 */
export async function copyWithSha256(from: string, to: string, mode = 0o600): Promise<FileDigest> {
  const source = await open(from, 'r');
  try {
    if ((await source.stat()).size <= WHOLE_READ_MAX) {
      const bytes = await source.readFile();
      if (bytes.length <= WHOLE_READ_MAX) {
        await writeFile(to, bytes, { flag: 'wx', mode });
        return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      }
    }
    const hash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(source.createReadStream({ start: 0, highWaterMark: 1 << 20, autoClose: false }), tap, createWriteStream(to, { flags: 'wx', mode }));
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await source.close();
  }
}
