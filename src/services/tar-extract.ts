// Unpacking an incident package .tar.gz to verify it, read as untrusted input: regular files and
// folders only, every path inside the target folder, each path once, and the bytes unpacked
// bounded (a gzip bomb stops early instead of filling the disk). Reading stops at the archive's
// end-of-archive blocks: whatever follows is never decompressed. Not node-tar's extract: it keeps
// buffering whatever follows the end blocks (time quadratic in their size), and it would take a
// duplicate entry's second copy silently.
import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { Header, Pax } from 'tar';
import { isSafeRelativePath } from '../domain/sha256sums.js';
import { ByteQueue } from './byte-queue.js';

export interface TarProblem {
  where: string;
  message: string;
}

/** Why an archive cannot be read at all (not damage to report entry by entry). */
export class UnreadableTar extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface TarLimits {
  /** Bytes of tar stream (headers and contents) read before giving up. */
  maxBytes: number;
}

const BLOCK = 512;
/** Pax and GNU long-name records are a few hundred bytes; a huge one is an attack, not a path. */
const MAX_META_BYTES = 1024 * 1024;
const TRAILER_LOOK_BYTES = 1024 * 1024;
const META_TYPES = new Set(['ExtendedHeader', 'OldExtendedHeader', 'GlobalExtendedHeader', 'NextFileHasLongPath', 'OldGnuLongPath', 'NextFileHasLongLinkpath']);
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

type PaxFields = ConstructorParameters<typeof Header>[2];

const padded = (size: number): number => Math.ceil(size / BLOCK) * BLOCK;

/** Writes one regular file's contents; a path seen before, or under a file, is reported, not written. */
function createFile(dir: string, path: string): number {
  const slash = path.lastIndexOf('/');
  if (slash > 0) mkdirSync(join(dir, path.slice(0, slash)), { recursive: true, mode: 0o700 });
  return openSync(join(dir, path), 'wx', 0o600);
}

/** Padding to a record size follows the end blocks; anything else in the next megabyte is hidden data. */
async function dataFollows(bytes: ByteQueue): Promise<boolean> {
  for (let looked = 0; looked < TRAILER_LOOK_BYTES; ) {
    const piece = await bytes.take(TRAILER_LOOK_BYTES - looked);
    if (!piece) return false;
    if (!piece.every((byte) => byte === 0)) return true;
    looked += piece.length;
  }
  return false;
}

function readHeader(block: Buffer, ex: PaxFields, gex: PaxFields): Header {
  try {
    return new Header(block, 0, ex, gex);
  } catch (error) {
    throw new UnreadableTar(`a header cannot be read (${(error as Error).message})`);
  }
}

function makeFolder(dir: string, path: string, problems: TarProblem[]): void {
  try {
    mkdirSync(join(dir, path), { recursive: true, mode: 0o700 });
  } catch {
    problems.push({ where: path, message: 'cannot be extracted where the tarball puts it (a file is in the way)' });
  }
}

/** Creates the folder, or the file an entry's contents go to (its descriptor); anything else is a problem. */
function placeEntry(dir: string, path: string, type: string, seen: Set<string>, problems: TarProblem[]): number | undefined {
  const where = path || '(an entry without a path)';
  if (!isSafeRelativePath(path)) problems.push({ where, message: 'unsafe entry in the tarball: its path leaves the package (not extracted)' });
  else if (type === 'Directory') makeFolder(dir, path, problems);
  else if (!FILE_TYPES.has(type)) problems.push({ where, message: `${type} entry: not allowed in a bundle (not extracted)` });
  else if (seen.has(path)) problems.push({ where, message: 'a second entry with the same path in the tarball (not extracted)' });
  else {
    seen.add(path);
    try {
      return createFile(dir, path);
    } catch {
      problems.push({ where, message: 'cannot be extracted where the tarball puts it (a file is in the way)' });
    }
  }
  return undefined;
}

/**
 * Unpacks `file` (a .tar.gz, or a plain .tar when `gzip` is false) into the empty folder `dir`.
 * Entries that are not allowed are left out and reported in the returned problems; an archive
 * that cannot be read throws UnreadableTar.
 */
export async function extractTarball(file: string, dir: string, gzip: boolean, limits: TarLimits): Promise<TarProblem[]> {
  const problems: TarProblem[] = [];
  const seen = new Set<string>();
  const raw = createReadStream(file);
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (error) => stream.destroy(error));
  const limit = `${Math.round(limits.maxBytes / 1048576)} MB`;
  const tooMuch = () => new UnreadableTar(`it unpacks to more than ${limit} (a compression bomb?)`, 'if it is a real package, unpack it (tar xzf) and verify the folder');
  const bytes = new ByteQueue(stream, limits.maxBytes, tooMuch);
  let ex: PaxFields;
  let gex: PaxFields;
  let zeroBlocks = 0;
  try {
    for (;;) {
      const block = await bytes.exactly(BLOCK);
      if (!block) {
        if (seen.size === 0 && zeroBlocks === 0) throw new UnreadableTar('it holds no entries');
        return problems; // no end-of-archive blocks: tolerated, as tar does
      }
      if (block.every((byte) => byte === 0)) {
        if (++zeroBlocks < 2) continue;
        if (await dataFollows(bytes)) problems.push({ where: file, message: 'data after the end of the archive (not read, not verified)' });
        return problems;
      }
      zeroBlocks = 0;
      const header = readHeader(block, ex, gex);
      if (!header.cksumValid) throw new UnreadableTar(`a header's checksum is wrong after ${seen.size} entries (damaged or not a tarball)`);
      const size = header.size ?? 0;
      const type = String(header.type);
      if (META_TYPES.has(type)) {
        if (size > MAX_META_BYTES) throw new UnreadableTar(`a ${size}-byte extended header (not one a tarball of cutover's holds)`);
        const body = await bytes.exactly(padded(size));
        if (!body) throw new UnreadableTar('it ends in the middle of an entry (truncated)');
        const text = body.subarray(0, size).toString('utf8');
        if (type === 'GlobalExtendedHeader') gex = Pax.parse(text, gex, true);
        else if (type === 'NextFileHasLongPath' || type === 'OldGnuLongPath') ex = { ...ex, path: text.replace(/\0.*/s, '') } as PaxFields;
        else if (type !== 'NextFileHasLongLinkpath') ex = Pax.parse(text, ex, false);
        continue;
      }
      ex = undefined;
      // `tar czf x.tar.gz .` names entries `./evidence.json`, and the folder itself `./`
      const path = String(header.path ?? '').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
      if (type === 'Directory' && (path === '' || path === '.')) {
        await bytes.pass(padded(size), () => undefined);
        continue;
      }
      const where = path || '(an entry without a path)';
      const fd = placeEntry(dir, path, type, seen, problems);
      try {
        let contentLeft = size; // the rest of the padded body is padding
        const complete = await bytes.pass(padded(size), (piece) => {
          const content = piece.subarray(0, Math.max(0, contentLeft));
          contentLeft -= content.length;
          if (fd !== undefined && content.length) writeSync(fd, content);
        });
        if (!complete) throw new UnreadableTar(`it ends in the middle of ${where} (truncated)`);
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
  } finally {
    await bytes.close();
    raw.destroy();
  }
}
