// Verifying one evidence file and what it points at: the hash chain, every run log against the
// sha256 its finishing event recorded, and the checklist snapshot against the header's sha256.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { CutoverError } from '../domain/errors.js';
import { snapshotSha256, type EvidenceHeader } from '../domain/events.js';
import { foldEvents, type RunState } from '../domain/session-state.js';
import { isSafeRelativePath } from '../domain/sha256sums.js';
import { MAX_SNAPSHOT_BYTES } from './checklist-snapshot.js';
import { isIntactHeader, readEvidence } from './evidence-read.js';
import { mapLimit } from './map-limit.js';
import { sha256File, sha256SmallFileSync, type FileDigest } from './sha256-file.js';

export interface VerifyProblem {
  where: string;
  message: string;
}

export interface EvidenceCheck {
  header?: EvidenceHeader;
  events: number;
  runs: number;
  logsChecked: number;
  /** Runs started and never finished: their log has no recorded hash yet (crashed or still open). */
  inFlight: number;
  first?: string;
  last?: string;
  headHash?: string;
  problems: VerifyProblem[];
  /** Logs (as problems name them) whose size showed they changed, without hashing them. */
  resized?: string[];
}

/** Large logs are streamed a few at a time (small ones are read synchronously, see HashCache). */
const HASH_CONCURRENCY = 4;

/** Each file is hashed once, however many checks look at it; small files synchronously (a batch command). */
export class HashCache {
  private readonly hashes = new Map<string, Promise<FileDigest | undefined>>();

  get(path: string): Promise<FileDigest | undefined> {
    let found = this.hashes.get(path);
    if (!found) {
      const small = sha256SmallFileSync(path);
      found = small === 'large' ? sha256File(path) : Promise.resolve(small);
      this.hashes.set(path, found);
    }
    return found;
  }
}

async function regularFileSize(path: string): Promise<number | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? info.size : undefined;
}

/**
 * A log or snapshot that could not be hashed: missing is tampering, but one this user may not read
 * (permission denied) proves nothing either way, so that error goes up (verify: exit 2).
 */
export async function throwIfUnreadable(path: string): Promise<void> {
  await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EIO') throw error;
  });
}

export interface LogLocation {
  path: string;
  /** How the problem names it: `runs/r0003.log` in a bundle, the relative path beside a file. */
  display: string;
}

/** `resized`: the log's size alone showed it changed (it was not hashed). */
type LogProblem = VerifyProblem & { resized?: boolean };

async function checkRunLog(run: RunState, where: LogLocation, hashes: HashCache): Promise<LogProblem | undefined> {
  const recorded = run.finished ?? run.interrupted;
  if (!recorded) return undefined;
  if (!isSafeRelativePath(run.log)) return { where: `seq ${run.startedSeq}`, message: `run ${run.runId} names its log ${JSON.stringify(run.log)}, outside the evidence folder` };
  // A log of another size cannot have the recorded sha256: said at once, without hashing (a sparse 100 GB file).
  const size = await regularFileSize(where.path);
  if (size !== undefined && size !== recorded.logBytes) {
    return { where: where.display, message: `sha256 mismatch (run ${run.runId}: ${size} bytes where seq ${recorded.seq} recorded ${recorded.logBytes})`, resized: true };
  }
  const actual = await hashes.get(where.path);
  if (!actual) {
    await throwIfUnreadable(where.path);
    // A command that could not even start leaves no log; its event records the empty output.
    if (recorded.logBytes === 0) return undefined;
    return { where: where.display, message: `missing or not a regular file (run ${run.runId}, recorded at seq ${recorded.seq})` };
  }
  if (actual.sha256 !== recorded.logSha256) {
    return { where: where.display, message: `sha256 mismatch (run ${run.runId}: the log changed after seq ${recorded.seq} recorded it)` };
  }
  return undefined;
}

/**
 * Checks an evidence file. A file that is not evidence at all throws CutoverError (exit 2) unless
 * `label` is set (inside a bundle, where an unreadable evidence.json is tampering, not bad input).
 */
export async function checkEvidence(
  path: string,
  logOf: (run: RunState) => LogLocation,
  hashes: HashCache,
  label = '',
): Promise<EvidenceCheck> {
  let read: Awaited<ReturnType<typeof readEvidence>>;
  try {
    read = await readEvidence(path);
  } catch (error) {
    if (!label || !(error instanceof CutoverError)) throw error;
    return { events: 0, runs: 0, logsChecked: 0, inFlight: 0, problems: [{ where: label, message: 'not a readable evidence file' }] };
  }
  const { events, problem } = read;
  // A header that is not a header names nothing worth opening (its snapshot path, its session id).
  const header = isIntactHeader(read.header) ? read.header : undefined;
  const problems: VerifyProblem[] = [];
  const prefix = label ? `${label} ` : '';
  if (problem) problems.push({ where: `${prefix}${problem.where ?? `seq ${problem.seq}`}`, message: problem.message });
  const state = header ? foldEvents(header, events) : undefined;
  const runs = state ? state.runOrder.map((id) => state.runs[id]).filter((r): r is RunState => !!r) : [];
  const recorded = runs.filter((run) => run.finished || run.interrupted);
  const found = await mapLimit(recorded, HASH_CONCURRENCY, (run) => checkRunLog(run, logOf(run), hashes));
  const logProblems = found.filter((p): p is LogProblem => !!p);
  problems.push(...logProblems.map(({ where, message }) => ({ where, message })));
  const logsChecked = recorded.length;
  return {
    header,
    events: events.length,
    runs: runs.length,
    logsChecked,
    inFlight: runs.length - logsChecked,
    first: events[0]?.ts,
    last: events.at(-1)?.ts,
    headHash: events.at(-1)?.hash,
    problems,
    resized: logProblems.filter((p) => p.resized).map((p) => p.where),
  };
}

/** The checklist snapshot must be the very file whose sha256 the header recorded. */
export async function checkSnapshot(path: string, display: string, header: EvidenceHeader | undefined, hashes: HashCache): Promise<VerifyProblem | undefined> {
  const expected = header?.checklist ? snapshotSha256(header) : undefined;
  if (!expected) return undefined;
  const size = await regularFileSize(path);
  if (size !== undefined && size > MAX_SNAPSHOT_BYTES) return { where: display, message: `${size} bytes: not the checklist snapshot the header recorded` };
  const actual = await hashes.get(path);
  if (!actual) await throwIfUnreadable(path);
  if (!actual) return { where: display, message: 'checklist snapshot missing (or not a regular file)' };
  if (actual.sha256 !== expected) return { where: display, message: `sha256 differs from the ${header?.checklist.snapshotSha256 ? 'snapshot' : 'checklist'} sha256 recorded in the header` };
  return undefined;
}
