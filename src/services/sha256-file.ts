// Hashing files (large ones streamed: memory stays flat however large a run log is), and copying
// a file while hashing it, so an export reads every byte once.
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openRegular, openRegularSync } from './regular-file.js';

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
  let opened: ReturnType<typeof openRegularSync>;
  try {
    opened = openRegularSync(path);
  } catch {
    return undefined;
  }
  if (!opened) return undefined;
  try {
    if (opened.size > WHOLE_READ_MAX) return 'large';
    const bytes = readFileSync(opened.fd);
    return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  } finally {
    closeSync(opened.fd);
  }
}

/** The sha256 of a regular file, or undefined when there is no regular file at `path`. */
export async function sha256File(path: string): Promise<FileDigest | undefined> {
  const opened = await openRegular(path).catch(() => undefined);
  if (!opened) return undefined;
  const { handle, size } = opened;
  try {
    if (size <= WHOLE_READ_MAX) {
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
 * Undefined when `from` is not a regular file (missing, a folder, a FIFO, a device).
 */
export async function copyWithSha256(from: string, to: string, mode = 0o600): Promise<FileDigest | undefined> {
  const opened = await openRegular(from);
  if (!opened) return undefined;
  const source = opened.handle;
  try {
    if (opened.size <= WHOLE_READ_MAX) {
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
