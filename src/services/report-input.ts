// Gathers what the pure report needs from disk, read-only and without taking the lock: the intact
// events, the checklist snapshot, the output that reached the logs of unfinished runs, and
// whether another live process still holds the session open.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Checklist } from '../domain/checklist-schema.js';
import { shellWord } from '../domain/command-template.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import type { EvidenceEvent, EvidenceHeader } from '../domain/events.js';
import { checklistFromEvidence } from '../domain/report-fallback.js';
import type { ReportInput, RunOutput } from '../domain/report.js';
import { foldEvents, inFlightRuns, type SessionState } from '../domain/session-state.js';
import { isSafeRelativePath } from '../domain/sha256sums.js';
import { evaluateRules } from '../domain/severity-rules.js';
import { readChecklistSnapshot } from './checklist-snapshot.js';
import { compareWithEarlierDrills } from './drill-history.js';
import { readEvidence, type DamageProblem, type EvidenceRead } from './evidence-store.js';
import { isIntactHeader } from './evidence-read.js';
import { liveLockHolder } from './evidence-lock.js';
import { summarizeLogFile } from './output-capture.js';

export interface LoadedReport {
  input: ReportInput;
  problem?: DamageProblem;
  /** Why the stand-in checklist was used, when the snapshot could not be. */
  snapshotProblem?: string;
}

/** `process 123 on host` when a live process other than this one holds the session's lock. */
export async function openElsewhere(evidencePath: string): Promise<string | undefined> {
  const holder = await liveLockHolder(evidencePath);
  return holder && holder.pid !== process.pid ? `process ${holder.pid} on ${holder.host}` : undefined;
}

async function unfinishedOutput(dir: string, state: SessionState): Promise<Record<string, RunOutput>> {
  const out: Record<string, RunOutput> = {};
  for (const run of inFlightRuns(state)) {
    if (!isSafeRelativePath(run.log)) continue; // never read outside the evidence folder
    const log = join(dir, run.log);
    // a FIFO or a device put where the log was would be read forever
    if (!(await stat(log).catch(() => undefined))?.isFile()) continue;
    const summary = await summarizeLogFile(log).catch(() => undefined);
    if (summary) out[run.runId] = { ...summary.excerpt, bytes: summary.logBytes };
  }
  return out;
}

/** A drill is compared with the earlier drills of its checklist in the same evidence folder. */
async function drillComparison(dir: string, header: EvidenceHeader, checklist: Checklist, events: EvidenceEvent[]): Promise<ReportInput['drill']> {
  if (header.mode !== 'drill') return undefined;
  const { comparison, earlier } = await compareWithEarlierDrills(dir, header, checklist, events);
  return earlier ? { comparison, earlier } : undefined;
}

/**
 * Everything renderReport needs for `evidencePath`. The snapshot, the logs and the lock are looked
 * for beside it, or beside `source` (an export reports from its staged copy of the original,
 * already read: `read`).
 */
export async function loadReportInput(
  evidencePath: string,
  opts: { evidenceFile?: string; source?: string; read?: EvidenceRead } = {},
): Promise<LoadedReport> {
  const source = opts.source ?? evidencePath;
  const dir = dirname(source);
  const { header, events, problem } = opts.read ?? (await readEvidence(evidencePath));
  if (!isIntactHeader(header)) {
    const shown = opts.evidenceFile ?? evidencePath;
    throw new CutoverError(`cannot report ${shown}: its header is damaged (${problem?.message ?? 'header edited'}), so none of its events can be trusted`, EXIT.failed, `\`cutover verify ${shellWord(shown)}\` shows the details`);
  }
  const state = foldEvents(header, events);
  const snapshot = await readChecklistSnapshot(dir, header);
  const checklist = snapshot.checklist ?? checklistFromEvidence(header, events);
  const elsewhere = await openElsewhere(source);
  const drill = await drillComparison(dir, header, checklist, events);
  const input: ReportInput = {
    header,
    state,
    checklist,
    events,
    evaluation: evaluateRules(checklist, state),
    evidenceFile: opts.evidenceFile ?? source,
    inFlightOutput: await unfinishedOutput(dir, state),
    ...(elsewhere ? { openElsewhere: elsewhere } : {}),
    ...(drill ? { drill } : {}),
    ...(problem ? { damaged: `the evidence file is damaged at seq ${problem.seq} (${problem.message})` } : {}),
  };
  return { input, problem, snapshotProblem: snapshot.problem };
}
