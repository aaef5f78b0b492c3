// One writer per evidence file: `<evidence>.json.lock`, created atomically (link of a complete
// temp file, so nobody ever reads half a lock) and holding who owns it. A lock whose process is
// gone is taken over: same host and the pid is dead, or the pid now belongs to another process
// (its start time differs), or the machine rebooted since. A lock from another host cannot be
// checked from here and is never taken over automatically.
//
// Why not proper-lockfile: its staleness is an mtime refreshed by a timer, so a session whose
// event loop stalls past the threshold loses its lock while alive, and a crashed one blocks the
// next operator until the threshold passes; nor does it record the pid and host the refusal names.
import { randomBytes } from 'node:crypto';
import { lstatSync, unlinkSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { CutoverError } from '../domain/errors.js';
import { writeFileDurable } from './durable-file.js';
import { bootId, holderIsGone, procStartOf } from './process-liveness.js';
import { readSmallRegularFile } from './regular-file.js';

export { holderIsGone };

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  sessionId: string;
  nonce: string;
  /** Linux only: boot id and process start time (clock ticks since boot), to see through pid reuse. */
  bootId?: string;
  procStart?: string;
}

type Read = LockHolder | 'vanished' | 'unreadable';

/** A lock is a few hundred bytes; anything far larger is not one. */
const MAX_LOCK_BYTES = 64 * 1024;

/**
 * Who the lock names. A folder, a FIFO or a device where the lock belongs is 'unreadable' (read,
 * it would block or never end); so is a lock this process may not read.
 */
async function readHolder(path: string): Promise<Read> {
  let text: string | undefined;
  try {
    text = readSmallRegularFile(path, MAX_LOCK_BYTES);
  } catch {
    return 'unreadable';
  }
  if (text === undefined) return lockIsAbsent(path) ? 'vanished' : 'unreadable';
  try {
    const holder = JSON.parse(text) as LockHolder;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.nonce === 'string' ? holder : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

async function tryCreate(path: string, holder: LockHolder): Promise<boolean> {
  try {
    await writeFileDurable(path, `${JSON.stringify(holder)}\n`, { mode: 0o600, noClobber: true });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Nothing at `path` at all (as opposed to something that is not a regular file). */
function lockIsAbsent(path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Removes a dead holder's lock. Takers serialize on a short-lived `.takeover` file, and re-read
 * the lock under it, so that two processes taking over at once never remove a lock the other
 * has just created.
 */
async function takeOver(lockPath: string, dead: LockHolder, me: LockHolder): Promise<void> {
  const guard = `${lockPath}.takeover`;
  if (!(await tryCreate(guard, me))) {
    const other = await readHolder(guard);
    if (other !== 'vanished' && (other === 'unreadable' || holderIsGone(other))) await unlink(guard).catch(() => undefined);
    else await sleep(20);
    return;
  }
  try {
    const current = await readHolder(lockPath);
    if (current !== 'vanished' && current !== 'unreadable' && current.nonce === dead.nonce) await unlink(lockPath);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** Who holds the lock of `evidencePath`, if a process that is (or may be) alive does. */
export async function liveLockHolder(evidencePath: string): Promise<LockHolder | undefined> {
  const holder = await readHolder(`${evidencePath}.lock`).catch(() => 'vanished' as const);
  return typeof holder === 'object' && !holderIsGone(holder) ? holder : undefined;
}

const held = new Set<EvidenceLock>();
let exitHookInstalled = false;

export class EvidenceLock {
  private released = false;

  private constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {}

  /** Takes the lock of `evidencePath` or throws CutoverError naming the process that holds it. */
  static async acquire(evidencePath: string, sessionId: string): Promise<EvidenceLock> {
    const path = `${evidencePath}.lock`;
    const me: LockHolder = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      sessionId,
      nonce: randomBytes(8).toString('hex'),
      bootId,
      procStart: procStartOf(process.pid),
    };
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await tryCreate(path, me)) return EvidenceLock.hold(path, me);
      const holder = await readHolder(path);
      if (holder === 'vanished') continue;
      if (holder === 'unreadable') {
        throw new CutoverError(`session ${sessionId} is locked by ${path}, which is not a cutover lock`, 1, `if no cutover process uses this session, delete ${path}`);
      }
      if (!holderIsGone(holder)) {
        throw new CutoverError(
          `session ${holder.sessionId || sessionId} is open in process ${holder.pid} on ${holder.host}`,
          1,
          `finish or quit it there first; if that process is gone (e.g. its machine is down), delete ${path}`,
        );
      }
      await takeOver(path, holder, me);
    }
    throw new CutoverError(`could not lock session ${sessionId}: ${path} keeps changing`, 1);
  }

  private static hold(path: string, holder: LockHolder): EvidenceLock {
    const lock = new EvidenceLock(path, holder);
    held.add(lock);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', () => {
        for (const open of held) open.releaseSync();
      });
    }
    return lock;
  }

  /** Removes the lock file if it is still ours. Idempotent. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    const current = await readHolder(this.path).catch(() => 'vanished' as const);
    if (typeof current === 'object' && current.nonce === this.holder.nonce) await unlink(this.path).catch(() => undefined);
  }

  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    try {
      const current = JSON.parse(readSmallRegularFile(this.path, MAX_LOCK_BYTES) ?? '{}') as LockHolder;
      if (current.nonce === this.holder.nonce) unlinkSync(this.path);
    } catch {
      // already gone or replaced: nothing of ours to remove
    }
  }
}
