// The evidence of one session on disk: a hash-chained, append-only JSON file (see
// docs/ARCHITECTURE.md), held by one writer at a time. An event is on disk before append() resolves,
// unless the caller asks for a group commit ({ defer: true }): then it is written at once (a kill -9
// cannot lose it) and made durable by the next fdatasync, which whenDurable() callbacks wait for.
import { randomBytes } from 'node:crypto';
import { rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { CutoverError } from '../domain/errors.js';
import { EventBody, EvidenceHeader, type EvidenceDocument, type EvidenceEvent } from '../domain/events.js';
import { headerHash, sealEvent } from '../domain/hash-chain.js';
import { applyEvent, foldEvents, type SessionState } from '../domain/session-state.js';
import { asUserError, mkdirExact, writeFileDurable } from './durable-file.js';
import { makeDirs } from './make-dirs.js';
import { EvidenceFileAdapter } from './evidence-adapter.js';
import { EvidenceLock } from './evidence-lock.js';
import { fileErrorReason } from './file-errors.js';
import { shellWord } from '../domain/command-template.js';
import { SAFE_NAME } from './evidence-read.js';

export { readEvidence, writeRecoveredCopy, damageHint, RECOVER_COMMAND, type EvidenceRead, type DamageProblem } from './evidence-read.js';
export { listSessions, type SessionSummary } from './evidence-list.js';

/** "<checklistId>-YYYYMMDD-HHMMSS-<4 hex>", in UTC. */
export function newSessionId(checklistId: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const id = checklistId.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'session';
  return `${id}-${stamp}-${randomBytes(2).toString('hex')}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

function checkHeader(header: EvidenceHeader): void {
  const parsed = EvidenceHeader.safeParse(header);
  if (!parsed.success) throw new Error(`invalid evidence header: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  if (!SAFE_NAME.test(header.sessionId)) throw new Error(`invalid session id "${header.sessionId}"`);
  if (!SAFE_NAME.test(header.checklist.snapshot)) throw new Error(`invalid checklist snapshot name "${header.checklist.snapshot}"`);
}

/** A failing report is a bug to surface, not a reason to fail the append that triggered it. */
function runReport(report: () => void): void {
  try {
    report();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

export class EvidenceStore {
  readonly dir: string;
  readonly header: EvidenceHeader;
  readonly sessionId: string;
  private readonly db: Low<EvidenceDocument>;
  private readonly folded: SessionState;
  private readonly chainStart: string;
  private queue: Promise<unknown> = Promise.resolve();
  private closing?: Promise<void>;
  /** Run, in order, once everything written so far is durable. */
  private afterSync: Array<() => void> = [];

  private constructor(
    readonly path: string,
    doc: EvidenceDocument,
    private readonly adapter: EvidenceFileAdapter,
    private readonly lock: EvidenceLock,
  ) {
    this.dir = dirname(path);
    this.header = deepFreeze(doc.header);
    this.sessionId = doc.header.sessionId;
    this.db = new Low(adapter, doc);
    this.folded = foldEvents(doc.header, doc.events);
    this.chainStart = headerHash(doc.header);
  }

  /** Starts a new session file in `dir`: the checklist snapshot, the runs directory, then the evidence file. */
  static async create(dir: string, header: EvidenceHeader, checklistSource: string): Promise<EvidenceStore> {
    checkHeader(header);
    const root = resolve(dir);
    const path = join(root, `${header.sessionId}.json`);
    try {
      await makeDirs(root, 0o700).catch((error: unknown) => {
        throw asUserError(`create the evidence directory ${root}`, error);
      });
      return await EvidenceStore.createLocked(root, path, header, checklistSource);
    } catch (error) {
      throw asUserError(`write evidence in ${root}`, error);
    }
  }

  private static async createLocked(root: string, path: string, header: EvidenceHeader, checklistSource: string): Promise<EvidenceStore> {
    const lock = await EvidenceLock.acquire(path, header.sessionId);
    const made: Array<() => Promise<void>> = [];
    try {
      if (await stat(path).catch(() => undefined)) throw new CutoverError(`evidence file ${path} already exists`, 1);
      const runs = join(root, `${header.sessionId}.runs`);
      await mkdirExact(runs, 0o700);
      made.push(() => rmdir(runs));
      const snapshot = join(root, header.checklist.snapshot);
      await writeFileDurable(snapshot, checklistSource, { mode: 0o600 });
      made.push(() => unlink(snapshot));
      const { adapter, doc } = await EvidenceFileAdapter.create(path, header);
      return new EvidenceStore(path, doc, adapter, lock);
    } catch (error) {
      // A session that never got its evidence file leaves nothing behind (a full disk, a name in the way).
      for (const undo of made.reverse()) await undo().catch(() => undefined);
      await lock.release();
      throw error;
    }
  }

  /** Opens an existing session for writing: takes the lock, then reads and verifies every event. */
  static async open(file: string): Promise<EvidenceStore> {
    const path = resolve(file);
    const found = await stat(path).catch((error: unknown) => error as Error);
    if (found instanceof Error || !found.isFile()) {
      const what = found instanceof Error ? `no evidence file at ${path}${(found as NodeJS.ErrnoException).code === 'ENOENT' ? '' : `: ${fileErrorReason(found)}`}` : `${path} is ${found.isDirectory() ? 'a folder' : 'not a regular file'}, not an evidence file`;
      throw new CutoverError(what, 2, found instanceof Error || !found.isDirectory() ? undefined : `\`cutover resume --evidence-dir ${shellWord(path)}\` resumes its latest unfinished session; \`cutover list --evidence-dir ${shellWord(path)}\` lists them`);
    }
    const lock = await EvidenceLock.acquire(path, basename(path, '.json')).catch((error: unknown) => {
      throw asUserError(`open ${path} for writing`, error);
    });
    const adapter = new EvidenceFileAdapter(path);
    try {
      return new EvidenceStore(path, await adapter.read(), adapter, lock);
    } catch (error) {
      await adapter.close();
      await lock.release();
      throw asUserError(`open ${path} for writing`, error);
    }
  }

  get events(): readonly EvidenceEvent[] {
    return this.db.data.events;
  }

  /** The session folded from every event so far; updated in place by each append. */
  get state(): SessionState {
    return this.folded;
  }

  /**
   * Records one event: validated, sealed into the chain and on disk before this resolves. Calls
   * are written in call order. With `defer`, the event is written but its fdatasync waits for the
   * next durable append, sync() or close(): for an event nobody is told about before then (see
   * whenDurable), so that two events in a row cost one fdatasync.
   */
  append(body: EventBody, by: string, options: { defer?: boolean } = {}): Promise<EvidenceEvent> {
    if (this.closing) return Promise.reject(new Error(`evidence store of session ${this.sessionId} is closed`));
    return this.enqueue(() => this.appendNow(body, by, options.defer ?? false));
  }

  /** Resolves once every event appended before this call is on disk. */
  sync(): Promise<void> {
    return this.enqueue(() => this.syncNow());
  }

  /**
   * Runs `report` once every event appended before this call is on disk: right away if none
   * waits for an fdatasync, else just after the next one (before the append that made it
   * resolves). Whatever tells anyone about a deferred event goes through here. `report` must not
   * throw: the events are recorded whatever it does.
   */
  whenDurable(report: () => void): void {
    void this.enqueue(() => {
      if (this.adapter.hasUnsynced) this.afterSync.push(report);
      else runReport(report);
    });
  }

  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendNow(body: EventBody, by: string, defer: boolean): Promise<EvidenceEvent> {
    const parsed = EventBody.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`invalid ${String((body as { type?: unknown }).type)} event: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const events = this.db.data.events;
    const prev = events.at(-1)?.hash ?? this.chainStart;
    const event = sealEvent(events.length + 1, new Date().toISOString(), by, parsed.data, prev);
    events.push(event);
    try {
      if (defer) this.adapter.writeUnsynced(this.db.data);
      else await this.db.write();
    } catch (error) {
      events.pop();
      throw error;
    }
    applyEvent(this.folded, event);
    if (!defer) this.reportDurable();
    return event;
  }

  private syncNow(): void {
    this.adapter.sync();
    this.reportDurable();
  }

  private reportDurable(): void {
    const reports = this.afterSync;
    if (!reports.length) return;
    this.afterSync = [];
    for (const report of reports) runReport(report);
  }

  runLogPath(runId: string): string {
    return join(this.dir, this.runLogRelative(runId));
  }

  runLogRelative(runId: string): string {
    if (!SAFE_NAME.test(runId)) throw new Error(`invalid run id "${runId}"`);
    return `${this.sessionId}.runs/${runId}.log`;
  }

  /** Waits for queued appends, makes them durable, then releases the file and the lock. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.queue;
      try {
        this.syncNow();
      } finally {
        await this.adapter.close();
        await this.lock.release();
      }
    })();
    return this.closing;
  }
}
