// Reopening a session: what is recorded before the operator's first action, and finding the
// session to reopen.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { CutoverError, EXIT } from '../domain/errors.js';
import type { EvidenceEvent, EvidenceHeader } from '../domain/events.js';
import { inFlightRuns, type SessionState } from '../domain/session-state.js';
import { listSessions } from './evidence-store.js';
import { summarizeLog } from './runner.js';
import { sha256SmallFileSync } from './sha256-file.js';
import type { CutoverSession } from './session.js';

export interface ResumeOptions {
  /** Who resumes: the operator who started the session unless given. */
  operator?: string;
  /** Values of secret variables, which are never stored. */
  variables?: Record<string, string>;
  allowDestructive?: boolean;
}

/** Records the resume, and every run the previous process left unfinished as interrupted (with what reached its log). */
export async function recordResume(session: CutoverSession): Promise<void> {
  await refuseSpecialRunLogs(session);
  await session.append({ type: 'session.resumed', pid: process.pid });
  for (const run of inFlightRuns(session.state)) {
    const summary = await summarizeLog(session.store.runLogPath(run.runId));
    await session.append({ type: 'command.interrupted', runId: run.runId, ...summary, reason: 'the process recording this run ended before the run finished' });
  }
  // A crash between an event and the rule.fired it caused (or the interrupted runs just recorded) left the rules behind.
  await session.syncRules();
  const drift = checklistFileDrift(session.store.header);
  // Once per state of the file, not again at every resume.
  if (drift && !session.state.notes.some((note) => note.text === drift)) await session.append({ type: 'note.added', text: drift });
  if (session.mode !== 'drill') return;
  for (const itemId of faultsStillArmed(session.store.events, session.state)) if (session.findItem(itemId)?.item.drill?.inject) session.armedFaults.add(itemId);
}

/**
 * A resume goes on with the checklist snapshotted at the start, not the file it came from: if
 * that file was edited or removed since, say so in the evidence, since the operator may expect
 * the edit to apply, and commands that use files beside it ({{checklist_dir}}) may not find them.
 * (A snapshot with secrets redacted is not used: the original file is, and only unchanged.)
 */
export function checklistFileDrift(header: EvidenceHeader): string | undefined {
  const { path, sha256, snapshot, snapshotRedactions } = header.checklist;
  if (snapshotRedactions || !isAbsolute(path)) return undefined;
  const now = sha256SmallFileSync(path);
  if (now === 'large' || now?.sha256 === sha256) return undefined;
  const what = now ? `has changed since the session started (sha256 ${now.sha256.slice(0, 12)}…, was ${sha256.slice(0, 12)}…): its changes do not apply to this session` : 'is gone (or unreadable) since the session started: commands that use files beside it ({{checklist_dir}}) may not find them';
  return `resumed with the checklist as it was at the start (${snapshot}); ${path} ${what}`;
}

/** The values of every `--inject ITEM` / `--inject=ITEM` in a recorded command line. */
function injectArguments(argv: readonly string[]): string[] {
  const items: string[] = [];
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i] as string;
    if (arg === '--inject' && argv[i + 1] !== undefined) items.push(argv[++i] as string);
    else if (arg.startsWith('--inject=')) items.push(arg.slice('--inject='.length));
  }
  return items;
}

/**
 * Faults armed with --inject when the drill was opened live only in the process that opened it:
 * one that died before injecting them must not leave the resumed drill running its checks
 * without the faults it was started for. A fault whose injection ran (even cut short) is spent.
 */
export function faultsStillArmed(events: readonly EvidenceEvent[], state: SessionState): string[] {
  const started = events.find((e) => e.type === 'session.started');
  const given = started?.type === 'session.started' ? injectArguments(started.argv ?? []) : [];
  const spent = new Set(Object.values(state.runs).filter((run) => run.purpose === 'inject').map((run) => run.item));
  return [...new Set(given)].filter((itemId) => !spent.has(itemId));
}

/**
 * An unfinished run's log is read whole to record what reached it: a FIFO or a device put in its
 * place would be read forever. Refused before anything is recorded, and the lock let go.
 */
async function refuseSpecialRunLogs(session: CutoverSession): Promise<void> {
  for (const run of inFlightRuns(session.state)) {
    const log = session.store.runLogPath(run.runId);
    const info = await stat(log).catch(() => undefined);
    if (info && !info.isFile()) {
      await session.close();
      throw new CutoverError(`cannot resume: the log of unfinished run ${run.runId} (${log}) is not a regular file`, EXIT.failed, 'move it away; `cutover verify` and `cutover report` still read the evidence');
    }
  }
}

/** Path of the most recent session that was not finished, if any. */
export async function latestUnfinishedSession(evidenceDir: string): Promise<string | undefined> {
  const sessions = await listSessions(evidenceDir);
  return sessions.find((s) => !s.closed && !s.problem)?.path;
}
