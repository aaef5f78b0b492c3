// Copying a session's files into an export's staging folder, hashing each while it is copied and
// checking it against what the evidence recorded: an export never packages evidence that does
// not verify.
import { link, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { CutoverError, EXIT } from '../domain/errors.js';
import type { EvidenceEvent, EvidenceHeader } from '../domain/events.js';
import type { SumsEntry } from '../domain/sha256sums.js';
import { foldEvents } from '../domain/session-state.js';
import { readEvidence } from './evidence-store.js';
import { copyWithSha256, sha256File } from './sha256-file.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Byte copy of the evidence file. A session open in another process may be mid-append while we
 * copy (the copy then ends torn): copy again, a few times, before calling it damaged.
 */
export async function stageEvidence(evidencePath: string, to: string): Promise<{ entry: SumsEntry; header: EvidenceHeader; events: EvidenceEvent[] }> {
  for (let attempt = 1; ; attempt++) {
    const { sha256 } = await copyWithSha256(evidencePath, to);
    const { header, events, problem } = await readEvidence(to);
    if (!problem) return { entry: { path: 'evidence.json', sha256 }, header, events };
    if (attempt >= 5) throw new CutoverError(`not exporting ${evidencePath}: it is damaged at seq ${problem.seq} (${problem.message})`, EXIT.failed, problem.hint);
    await rm(to, { force: true });
    await sleep(50 * attempt);
  }
}

export async function stageSnapshot(evidencePath: string, header: EvidenceHeader, root: string): Promise<SumsEntry> {
  const name = header.checklist.snapshot;
  const from = join(dirname(evidencePath), name);
  const ext = extname(name).replace(/^\./, '') || 'yaml';
  const path = `checklist.${ext}`;
  const copied = await copyWithSha256(from, join(root, path)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new CutoverError(`not exporting: the checklist snapshot ${from} is missing`, EXIT.failed, 'the evidence can still be verified and reported');
    throw error;
  });
  if (copied.sha256 !== header.checklist.sha256) {
    throw new CutoverError(`not exporting: the checklist snapshot ${from} is not the checklist the session recorded (sha256 differs)`, EXIT.failed, `run \`cutover verify ${evidencePath}\``);
  }
  return { path, sha256: copied.sha256 };
}

/** Hard link when the staging folder is thrown away after packing; copy otherwise. */
async function place(from: string, to: string, hardlink: boolean): Promise<{ sha256: string; bytes: number }> {
  if (hardlink) {
    const linked = await link(from, to).then(
      () => true,
      () => false,
    );
    const digest = linked ? await sha256File(to) : undefined;
    if (digest) return digest;
  }
  return copyWithSha256(from, to);
}

export async function stageRunLogs(evidencePath: string, header: EvidenceHeader, events: EvidenceEvent[], root: string, hardlink: boolean): Promise<SumsEntry[]> {
  const state = foldEvents(header, events);
  const dir = dirname(evidencePath);
  const entries: SumsEntry[] = [];
  for (const runId of state.runOrder) {
    const run = state.runs[runId];
    if (!run) continue;
    const recorded = run.finished ?? run.interrupted;
    const from = join(dir, run.log);
    const path = `runs/${basename(run.log)}`;
    const exists = await stat(from).then((s) => s.isFile(), () => false);
    if (!exists) {
      // No log: fine for a command that never started (nothing recorded) or one still starting.
      if (!recorded || recorded.logBytes === 0) continue;
      throw new CutoverError(`not exporting: run log ${run.log} is missing (run ${runId})`, EXIT.failed, `run \`cutover verify ${evidencePath}\``);
    }
    // A run still in progress elsewhere keeps writing its log: copy a snapshot, never a link.
    const placed = await place(from, join(root, path), hardlink && !!recorded);
    if (recorded && placed.sha256 !== recorded.logSha256) {
      throw new CutoverError(`not exporting: run log ${run.log} does not match the sha256 recorded at seq ${recorded.seq}`, EXIT.failed, `run \`cutover verify ${evidencePath}\``);
    }
    entries.push({ path, sha256: placed.sha256 });
  }
  return entries;
}
