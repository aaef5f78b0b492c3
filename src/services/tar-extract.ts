// Unpacking an incident package .tar.gz to verify it, read as untrusted input: regular files and
// folders only, every path inside the target folder, each path once, and the bytes unpacked
// bounded (a gzip bomb stops early instead of filling the disk). Reading stops at the archive's
// end-of-archive blocks: whatever follows is never decompressed. An archive that stops before them
// (a copy cut short) is damage to report, like an evidence file cut short; what came before it is
// still extracted and verified. Not node-tar's extract: it keeps
// buffering whatever follows the end blocks (time quadratic in their size), and it would take a
// duplicate entry's second copy silently.
import { closeSync, createReadStream, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Header, Pax } from 'tar';
import { ByteQueue } from './byte-queue.js';
import { openFirstMember } from './gzip-member.js';
import { placeEntry, type TarProblem } from './verify-tar-entries.js';

export type { TarProblem };

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
// A package holds one log per command run. Each entry is a file created on disk (~0.15 ms each):
// 200,000 empty ones, a 1.4 MB .tar.gz far under the byte bound, took 23 s and 500 MB to unpack.
const MAX_ENTRIES = 10_000;
const META_TYPES = new Set(['ExtendedHeader', 'OldExtendedHeader', 'GlobalExtendedHeader', 'NextFileHasLongPath', 'OldGnuLongPath', 'NextFileHasLongLinkpath']);

type PaxFields = ConstructorParameters<typeof Header>[2];

const padded = (size: number): number => Math.ceil(size / BLOCK) * BLOCK;

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

export interface TarExtraction {
  /** Entries left out, data after the end, and a truncation (said once, where the archive stops). */
  problems: TarProblem[];
  /** The archive stops short (a copy cut off): whatever came before it was extracted. */
  truncated: boolean;
}

/** zlib's error for a gzip stream that ends before its own end: the file was cut short. */
const cutShort = (error: unknown): boolean => (error as { code?: unknown } | undefined)?.code === 'Z_BUF_ERROR';
/** zlib's error for bytes that are not deflate data (or fail its CRC): damaged, or something follows the stream. */
const corrupt = (error: unknown): boolean => (error as { code?: unknown } | undefined)?.code === 'Z_DATA_ERROR';

/** What reading has got through so far: where a truncated archive stops. */
interface ReadState {
  dir: string;
  file: string;
  problems: TarProblem[];
  seen: Set<string>;
  /** Entries read to their end (files, folders, refused ones). */
  entries: number;
  /** Where the next read happens, as a truncation names it: `in the middle of runs/r0002.log`. */
  position: string;
  /** A file being written when the archive stopped: removed, so it reads as missing, not as edited. */
  partial?: string;
}

/** The archive stopped before its end-of-archive blocks (a plain end of stream: stands for cut short). */
class EndsEarly extends Error {
  constructor(readonly position: string) {
    super(position);
  }
}

/** A header that fails its checksum after good entries: a tarball damaged there, not something else. */
class DamagedHeader extends Error {
  constructor(readonly position: string) {
    super(position);
  }
}

const entriesDone = (n: number): string => (n ? ` (${n} ${n === 1 ? 'entry' : 'entries'} complete)` : '');

function truncation(state: ReadState, stream: string, position: string, how = 'truncated (cut short)', stops = 'stops'): TarExtraction {
  if (state.partial) rmSync(state.partial, { force: true });
  const message = `${how}: the ${stream} ${stops} ${position}${entriesDone(state.entries)}`;
  return { problems: [{ where: state.file, message }, ...state.problems], truncated: true };
}

/** A first block too short to be a header: a cut tarball, or something that never was one. */
function firstBlockCut(partial: Buffer): EndsEarly {
  if (partial.length < 262 || partial.toString('latin1', 257, 262) !== 'ustar') throw new UnreadableTar('it holds no entries');
  return new EndsEarly('in the header of its first entry');
}

/**
 * Unpacks `file` (a .tar.gz, or a plain .tar when `gzip` is false) into the empty folder `dir`.
 * Entries that are not allowed are left out and reported in the returned problems, and so is an
 * archive cut short (a gzip stream that stops early, a tar without its end blocks); an archive
 * that cannot be read at all throws UnreadableTar.
 */
export async function extractTarball(file: string, dir: string, gzip: boolean, limits: TarLimits): Promise<TarExtraction> {
  const raw = createReadStream(file);
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (error) => stream.destroy(error));
  try {
    return await readArchive(stream, { dir, file, gzip, limits });
  } catch (error) {
    if (gzip && corrupt(error)) return await readFirstMember(file, dir, limits, error);
    throw error;
  } finally {
    raw.destroy();
  }
}

async function readArchive(stream: Readable, how: { dir: string; file: string; gzip: boolean; limits: TarLimits; drain?: boolean }): Promise<TarExtraction> {
  const limit = `${Math.round(how.limits.maxBytes / 1048576)} MB`;
  const tooMuch = () => new UnreadableTar(`it unpacks to more than ${limit} (a compression bomb?)`, 'if it is a real package, unpack it (tar xzf) and verify the folder');
  const bytes = new ByteQueue(stream, how.limits.maxBytes, tooMuch);
  const state: ReadState = { dir: how.dir, file: how.file, problems: [], seen: new Set(), entries: 0, position: 'before its first entry' };
  try {
    await readEntries(bytes, state);
    if (how.drain) while (await bytes.take(BLOCK * 2048)); // to its end, so that its byte counts are final
    return { problems: state.problems, truncated: false };
  } catch (error) {
    if (error instanceof EndsEarly) return truncation(state, 'archive', error.position);
    if (error instanceof DamagedHeader) return truncation(state, 'archive', error.position, 'damaged', 'has a header that fails its checksum');
    if (how.gzip && cutShort(error)) return truncation(state, 'gzip stream', state.position);
    // On the first member read alone (drain), nothing is appended any more: the deflate data itself is bad.
    if (how.gzip && how.drain && corrupt(error)) return truncation(state, 'gzip stream', state.position, 'damaged', 'is corrupt');
    throw error;
  } finally {
    await bytes.close();
  }
}

/** gunzip failed: if on bytes after the first gzip member, that member is the package, and they are data added to it. */
async function readFirstMember(file: string, dir: string, limits: TarLimits, failure: unknown): Promise<TarExtraction> {
  const member = openFirstMember(file);
  if (!member) throw failure;
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  try {
    const extraction = await readArchive(member.stream, { dir, file, gzip: true, limits, drain: true });
    if (extraction.truncated) return extraction; // damaged inside: what follows the damage cannot be told apart
    const after = member.after();
    if (after <= 0) throw failure; // nothing follows: the gzip stream itself is damaged
    return { ...extraction, problems: [...extraction.problems, { where: file, message: `data after the end of the gzip stream (${after} bytes, not read, not verified)` }] };
  } finally {
    member.source.destroy();
  }
}

/** Reads entries up to the end-of-archive blocks; throws EndsEarly where the stream ends before them. */
async function readEntries(bytes: ByteQueue, state: ReadState): Promise<void> {
  const { dir, file, problems, seen } = state;
  let ex: PaxFields;
  let gex: PaxFields;
  let zeroBlocks = 0;
  let files = 0; // entries other than pax and long-name records
  let last = '';
  for (;;) {
    state.position = zeroBlocks ? 'between its two end-of-archive blocks' : last ? `after ${last}` : 'before its first entry';
    const block = await bytes.upTo(BLOCK);
    if (block.length === 0) {
      if (state.entries === 0 && zeroBlocks === 0) throw new UnreadableTar('it holds no entries');
      throw new EndsEarly(zeroBlocks ? state.position : `${state.position}, without its end-of-archive blocks`);
    }
    if (block.length < BLOCK) throw state.entries ? new EndsEarly(`in the header of the entry ${state.position}`) : firstBlockCut(block);
    if (block.every((byte) => byte === 0)) {
      if (++zeroBlocks < 2) continue;
      state.position = 'after the end of the archive';
      if (await dataFollows(bytes)) problems.push({ where: file, message: 'data after the end of the archive (not read, not verified)' });
      return;
    }
    zeroBlocks = 0;
    const header = readHeader(block, ex, gex);
    if (!header.cksumValid) {
      if (state.entries) throw new DamagedHeader(state.position);
      throw new UnreadableTar(`its first header's checksum is wrong (damaged, or not a tarball)`);
    }
    const size = header.size ?? 0;
    const type = String(header.type);
    if (META_TYPES.has(type)) {
      if (size > MAX_META_BYTES) throw new UnreadableTar(`a ${size}-byte extended header (not one a tarball of cutover's holds)`);
      state.position = `in the middle of an extended header ${last ? `after ${last}` : 'before its first entry'}`;
      const body = await bytes.exactly(padded(size));
      if (!body) throw new EndsEarly(state.position);
      const text = body.subarray(0, size).toString('utf8');
      if (type === 'GlobalExtendedHeader') gex = Pax.parse(text, gex, true);
      else if (type === 'NextFileHasLongPath' || type === 'OldGnuLongPath') ex = { ...ex, path: text.replace(/\0.*/s, '') } as PaxFields;
      else if (type !== 'NextFileHasLongLinkpath') ex = Pax.parse(text, ex, false);
      continue;
    }
    if (++files > MAX_ENTRIES) throw new UnreadableTar(`it has more than ${MAX_ENTRIES.toLocaleString('en')} entries (not a package cutover writes)`, 'if it is a real package, unpack it (tar xzf) and verify the folder');
    ex = undefined;
    // `tar czf x.tar.gz .` names entries `./evidence.json`, and the folder itself `./`
    const path = String(header.path ?? '').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    const where = path || '(an entry without a path)';
    state.position = `in the middle of ${where}`;
    const topFolder = type === 'Directory' && (path === '' || path === '.');
    const fd = topFolder ? undefined : placeEntry(dir, path, type, seen, problems);
    if (fd !== undefined) state.partial = join(dir, path);
    try {
      let contentLeft = size; // the rest of the padded body is padding
      const complete = await bytes.pass(padded(size), (piece) => {
        const content = piece.subarray(0, Math.max(0, contentLeft));
        contentLeft -= content.length;
        if (fd !== undefined && content.length) writeSync(fd, content);
      });
      if (!complete) throw new EndsEarly(state.position);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    state.partial = undefined;
    if (!topFolder) {
      state.entries++;
      last = where;
    }
  }
}
