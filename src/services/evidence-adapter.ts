// The lowdb adapter of an evidence file. lowdb keeps the document in memory; this adapter makes
// its write() an append: only events beyond those already on disk are written, over the closing
// bytes of the file, then fdatasync'd. It refuses anything that would change the header or an
// event already recorded, so the cost of a write is the size of the new events, never the file.
// writeUnsynced() appends without the fdatasync, for the store's group commit: the next write()
// or sync() makes those events durable too (one fdatasync covers every byte written before it).
import { fdatasyncSync, fstatSync, ftruncateSync, statSync, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { shellWord } from '../domain/command-template.js';
import { CutoverError } from '../domain/errors.js';
import { appendChunk, renderDocument } from '../domain/evidence-format.js';
import type { EvidenceDocument, EvidenceEvent, EvidenceHeader } from '../domain/events.js';
import { headerHash } from '../domain/hash-chain.js';
import { writeAllAtSync, writeAtDurableSync, writeFileDurable } from './durable-file.js';
import { damagedError, inspectFile, RECOVER_COMMAND } from './evidence-read.js';

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export class EvidenceFileAdapter implements Adapter<EvidenceDocument> {
  private handle?: FileHandle;
  private header?: EvidenceHeader;
  private size = 0;
  private onDisk = 0;
  /** The last event on disk, by identity: events are frozen, so a different object means a rewrite. */
  private lastEvent?: EvidenceEvent;
  private broken?: CutoverError;
  /** Bytes written since the last fdatasync. */
  private unsynced = false;

  constructor(readonly path: string) {}

  /** Writes a new, empty evidence file (atomically; refuses to replace one) and opens it. */
  static async create(path: string, header: EvidenceHeader): Promise<{ adapter: EvidenceFileAdapter; doc: EvidenceDocument }> {
    await writeFileDurable(path, renderDocument(header, []), { mode: 0o600, noClobber: true });
    const adapter = new EvidenceFileAdapter(path);
    return { adapter, doc: await adapter.read() };
  }

  /** Reads and verifies the file; refuses (CutoverError) a damaged file or one laid out by another tool. */
  async read(): Promise<EvidenceDocument> {
    await this.close();
    const handle = await open(this.path, 'r+');
    try {
      const text = await handle.readFile('utf8');
      const found = inspectFile(this.path, text);
      if (found.problem) throw damagedError(this.path, found.problem, found.events.length, found.header);
      if (!found.appendable) {
        throw new CutoverError(
          `evidence file ${this.path} was rewritten by another tool: its events are intact, but cutover only appends to files it laid out itself`,
          1,
          `continue from a copy in cutover's layout: \`${RECOVER_COMMAND} ${shellWord(this.path)}\` (\`cutover verify\` shows the file is intact)`,
        );
      }
      this.handle = handle;
      this.header = found.header;
      this.size = (await handle.stat()).size;
      this.onDisk = found.events.length;
      found.events.forEach((event) => Object.freeze(event));
      this.lastEvent = found.events.at(-1);
      return { header: found.header, events: found.events };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Appends the new events of `data` and makes them (and anything written before) durable. */
  async write(data: EvidenceDocument): Promise<void> {
    this.append(data, true);
  }

  /** Appends the new events of `data` without waiting for the disk: durable at the next write() or sync(). */
  writeUnsynced(data: EvidenceDocument): void {
    this.append(data, false);
  }

  get hasUnsynced(): boolean {
    return this.unsynced;
  }

  /** Makes every byte written so far durable. */
  sync(): void {
    if (!this.unsynced) return;
    if (this.broken) throw this.broken;
    const handle = this.handle;
    if (!handle) throw new Error('evidence file is not open');
    this.checkUntouched(handle, true);
    try {
      fdatasyncSync(handle.fd);
    } catch (error) {
      // After a failed fdatasync the kernel may have dropped the pages: what is on disk is unknown.
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      this.broken = new CutoverError(`could not write to evidence file ${this.path} (${code}): the last events may not be on disk; nothing more is recorded`, 1, `run \`cutover verify ${shellWord(this.path)}\``);
      throw this.broken;
    }
    this.unsynced = false;
  }

  private append(data: EvidenceDocument, durable: boolean): void {
    if (this.broken) throw this.broken;
    const handle = this.handle;
    if (!handle) throw new Error('evidence file is not open');
    if (data.header !== this.header) throw new Error('the evidence header cannot be changed');
    this.checkLinks(data.events);
    const fresh = data.events.slice(this.onDisk);
    if (!fresh.length) return durable ? this.sync() : undefined;
    this.checkUntouched(handle, durable);
    const { offset, text } = appendChunk(this.size, this.onDisk, fresh);
    const bytes = Buffer.from(text, 'utf8');
    try {
      if (durable) writeAtDurableSync(handle.fd, bytes, offset);
      else writeAllAtSync(handle.fd, bytes, offset);
    } catch (error) {
      this.rollback(handle, offset);
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      const full = code === 'ENOSPC' || code === 'EDQUOT';
      const hint = `${full ? 'free space on that disk, then' : 'once the disk is writable again,'} continue the session with \`cutover resume ${shellWord(this.path)}\``;
      throw new CutoverError(`could not write to evidence file ${this.path} (${code}): the event was not recorded`, 1, hint);
    }
    this.size = offset + bytes.length;
    this.onDisk = data.events.length;
    this.lastEvent = fresh.at(-1);
    this.unsynced = !durable;
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }

  /** Recorded events may only be followed by events that chain onto them, never replaced or removed. */
  private checkLinks(events: readonly EvidenceEvent[]): void {
    if (events.length < this.onDisk) throw new Error('refusing to remove recorded events');
    if (this.onDisk && events[this.onDisk - 1] !== this.lastEvent) throw new Error('refusing to rewrite recorded events');
    let prev = this.lastEvent?.hash ?? headerHash(this.header as EvidenceHeader);
    for (let i = this.onDisk; i < events.length; i++) {
      const event = events[i] as EvidenceEvent;
      if (event.seq !== i + 1 || event.prev !== prev) throw new Error(`event seq ${event.seq} does not follow the chain`);
      Object.freeze(event);
      prev = event.hash;
    }
  }

  /**
   * The lock keeps other cutover processes out; this catches anything else that changed the file.
   * Whether the path still leads to our file is checked before each fdatasync (so a group commit
   * checks it once); the size, which the write offset relies on, before every write.
   */
  private checkUntouched(handle: FileHandle, checkPath: boolean): void {
    const mine = fstatSync(handle.fd);
    if (mine.size === this.size && (!checkPath || statOrUndefined(this.path)?.ino === mine.ino)) return;
    this.broken = new CutoverError(
      `evidence file ${this.path} was changed or replaced by something else while this session had it open; nothing more is recorded`,
      1,
      `run \`cutover verify ${shellWord(this.path)}\``,
    );
    throw this.broken;
  }

  /** After a failed write (e.g. disk full), put the closing bytes back so the file stays as it was. */
  private rollback(handle: FileHandle, offset: number): void {
    try {
      ftruncateSync(handle.fd, offset);
      writeAtDurableSync(handle.fd, Buffer.from(this.onDisk ? '\n]}\n' : ']}\n'), offset);
      this.unsynced = false;
    } catch {
      this.broken = new CutoverError(
        `evidence file ${this.path} could not be restored after a failed write; nothing more is recorded`,
        1,
        `run \`cutover verify ${shellWord(this.path)}\`; its intact events can be recovered into a copy`,
      );
    }
  }
}
