// Reopening a session: what is recorded before the operator's first action, and finding the
// session to reopen.
import { stat } from 'node:fs/promises';
import { CutoverError, EXIT } from '../domain/errors.js';
import { inFlightRuns } from '../domain/session-state.js';
import { listSessions } from './evidence-store.js';
import { summarizeLog } from './runner.js';
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
