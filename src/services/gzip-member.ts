// The first member of a gzip file, unpacked on its own: zlib's gunzip fails on bytes appended
// after a .tar.gz's gzip stream before it hands over what it had unpacked, so verify reads the
// member by itself and reports what follows it as data added to the archive.
import { closeSync, createReadStream, fstatSync, openSync, readSync, type ReadStream } from 'node:fs';
import { createInflateRaw, type InflateRaw } from 'node:zlib';

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
/** The 8-byte trailer after the deflate data: CRC-32 and size. */
const TRAILER = 8;

/** Length of the gzip header that starts `head`, or undefined when it is not one (or is cut off). */
export function gzipHeaderLength(head: Buffer): number | undefined {
  if (head.length < 10 || head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8) return undefined;
  const flags = head[3] as number;
  let at = 10;
  if (flags & FEXTRA) at = head.length >= at + 2 ? at + 2 + head.readUInt16LE(at) : Infinity;
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = head.indexOf(0, at);
    at = end < 0 ? Infinity : end + 1;
  }
  if (flags & FHCRC) at += 2;
  return at <= head.length ? at : undefined;
}

export interface FirstMember {
  source: ReadStream;
  /** The member's unpacked bytes. */
  stream: InflateRaw;
  /** Bytes of the file after the member; final once `stream` has ended. */
  after(): number;
}

export function openFirstMember(file: string): FirstMember | undefined {
  const fd = openSync(file, 'r');
  let headerLength: number | undefined;
  let size: number;
  try {
    const head = Buffer.alloc(64 * 1024);
    headerLength = gzipHeaderLength(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
    size = fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
  if (headerLength === undefined) return undefined;
  const start = headerLength;
  const source = createReadStream(file, { start });
  const stream = source.pipe(createInflateRaw());
  source.on('error', (error) => stream.destroy(error));
  return { source, stream, after: () => size - (start + stream.bytesWritten + TRAILER) };
}
