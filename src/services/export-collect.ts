// What goes into an incident package, and the checks that keep an export from packaging evidence
// that does not verify: the evidence file's exact bytes (its whole chain verified), the checklist
// snapshot (its sha256 matching the header), and every run log (its sha256 matching its event).
import { closeSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { shellWord } from '../domain/command-template.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import { snapshotSha256 } from '../domain/events.js';
import { foldEvents, type RunState } from '../domain/session-state.js';
import { isSafeRelativePath } from '../domain/sha256sums.js';
import type { EvidenceRead } from './evidence-store.js';
import { MAX_SNAPSHOT_BYTES } from './checklist-snapshot.js';
import { inspectFile } from './evidence-read.js';
import { openRegularSync, readRegularFile } from './regular-file.js';

export interface PlannedLog {
  /** Path inside the bundle: runs/<runId>.log */
  path: string;
  from: string;
  run: RunState;
  /** What the run's finishing event recorded; absent for a run that never finished. */
  recorded?: { sha256: string; bytes: number; seq: number };
}

export interface BundlePlan {
  read: EvidenceRead;
  snapshot: { path: string; bytes: Buffer };
  logs: PlannedLog[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The evidence file's exact bytes. A session open in another process may be mid-append as we
 * read: a complete file ends with its closing `]}`, so a torn read is read again a few times.
 */
export async function readEvidenceBytes(path: string): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    const bytes = readRegularFile(path, `cannot export ${path}`);
    if (bytes.subarray(-3).toString() === ']}\n' || attempt >= 5) return bytes;
    await sleep(50 * attempt);
  }
}

/** Verifies the evidence bytes (the whole chain); damaged evidence is not exported. */
function verifiedRead(path: string, bytes: Buffer): EvidenceRead {
  const { header, events, problem } = inspectFile(path, bytes.toString('utf8'));
  if (problem) throw new CutoverError(`not exporting ${path}: it is damaged at seq ${problem.seq} (${problem.message})`, EXIT.failed, `run \`cutover verify ${shellWord(path)}\``);
  return { header, events };
}

async function readSnapshot(evidencePath: string, read: EvidenceRead): Promise<BundlePlan['snapshot']> {
  const name = read.header.checklist.snapshot;
  if (!isSafeRelativePath(name)) throw new CutoverError(`not exporting: the header names its checklist snapshot ${JSON.stringify(name)}, outside the evidence folder`, EXIT.failed);
  const from = join(dirname(evidencePath), name);
  const opened = openRegularSync(from);
  if (!opened) throw new CutoverError(`not exporting: the checklist snapshot ${from} is missing (or not a regular file)`, EXIT.failed, 'the evidence can still be verified and reported');
  let bytes: Buffer | undefined;
  try {
    if (opened.size <= MAX_SNAPSHOT_BYTES) bytes = readFileSync(opened.fd);
  } finally {
    closeSync(opened.fd);
  }
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== snapshotSha256(read.header)) {
    throw new CutoverError(`not exporting: the checklist snapshot ${from} is not the checklist the session recorded (sha256 differs)`, EXIT.failed, `run \`cutover verify ${shellWord(evidencePath)}\``);
  }
  return { path: `checklist.${extname(name).replace(/^\./, '') || 'yaml'}`, bytes };
}

function planLogs(evidencePath: string, read: EvidenceRead): PlannedLog[] {
  const state = foldEvents(read.header, read.events);
  const dir = dirname(evidencePath);
  return state.runOrder
    .map((id) => state.runs[id])
    .filter((run): run is RunState => !!run)
    .map((run) => {
      if (!isSafeRelativePath(run.log)) {
        throw new CutoverError(`not exporting: run ${run.runId} names its log ${JSON.stringify(run.log)}, outside the evidence folder`, EXIT.failed);
      }
      const done = run.finished ?? run.interrupted;
      const recorded = done ? { sha256: done.logSha256, bytes: done.logBytes, seq: done.seq } : undefined;
      return { path: `runs/${basename(run.log)}`, from: join(dir, run.log), run, recorded };
    });
}

/**
 * A log of another size than recorded cannot match its sha256: refused before copying a byte of
 * it (a sparse 100 GB file put in its place would otherwise be copied whole).
 */
async function checkLogSizes(evidencePath: string, logs: PlannedLog[]): Promise<void> {
  for (const log of logs) {
    if (!log.recorded) continue;
    const info = await stat(log.from).catch(() => undefined);
    if (info?.isFile() && info.size !== log.recorded.bytes) throw logChanged(evidencePath, log, log.recorded.seq);
  }
}

/** Everything else the package needs, once the evidence bytes are known: checked before use. */
export async function planBundle(evidencePath: string, evidence: Buffer): Promise<BundlePlan> {
  const read = verifiedRead(evidencePath, evidence);
  const logs = planLogs(evidencePath, read);
  await checkLogSizes(evidencePath, logs);
  return { read, snapshot: await readSnapshot(evidencePath, read), logs };
}

function logChanged(evidencePath: string, log: PlannedLog, seq: number): CutoverError {
  return new CutoverError(`not exporting: run log ${log.run.log} does not match the sha256 recorded at seq ${seq}`, EXIT.failed, `run \`cutover verify ${shellWord(evidencePath)}\``);
}

/** A copied log must be the one the evidence recorded. */
export function checkCopiedLog(evidencePath: string, log: PlannedLog, sha256: string): void {
  if (log.recorded && sha256 !== log.recorded.sha256) throw logChanged(evidencePath, log, log.recorded.seq);
}

/** A missing log is fine only for a run that recorded no output (or never finished). */
export function checkMissingLog(evidencePath: string, log: PlannedLog): void {
  if (log.recorded && log.recorded.bytes > 0) {
    throw new CutoverError(`not exporting: run log ${log.run.log} is missing or not a regular file (run ${log.run.runId})`, EXIT.failed, `run \`cutover verify ${shellWord(evidencePath)}\``);
  }
}
