// The sessions in an evidence directory, for `cutover list`, the home screen and resume.
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { SessionMode } from '../domain/events.js';
import { foldEvents } from '../domain/session-state.js';
import { isIntactHeader, readEvidence } from './evidence-read.js';
import { fileErrorReason } from './file-errors.js';

export interface SessionSummary {
  path: string;
  sessionId: string;
  checklistId: string;
  title: string;
  ticket: string;
  environment: string;
  operator: string;
  mode: SessionMode;
  createdAt: string;
  lastEventAt: string;
  closed: boolean;
  events: number;
  /** Set when the file is damaged: "seq N: what". The other fields then describe its intact part. */
  problem?: string;
}

/** A file whose header is not a header: listed (it is somebody's session) by its file name, as damaged. */
function damagedHeaderSummary(path: string, problem: string): SessionSummary {
  const sessionId = basename(path, '.json');
  const none = { checklistId: '', title: '', ticket: '', environment: '', operator: '', createdAt: '', lastEventAt: '' };
  return { path, sessionId, ...none, mode: 'live', closed: false, events: 0, problem };
}

async function summarize(path: string): Promise<SessionSummary | undefined> {
  try {
    const { header, events, problem } = await readEvidence(path);
    if (!isIntactHeader(header)) return damagedHeaderSummary(path, `seq 1: ${problem?.message ?? 'the header is malformed'}`);
    const state = foldEvents(header, events);
    return {
      path,
      sessionId: header.sessionId,
      checklistId: header.checklist?.id ?? '',
      title: header.checklist?.title ?? '',
      ticket: header.ticket,
      environment: header.environment,
      operator: header.operator,
      mode: header.mode,
      createdAt: header.createdAt,
      lastEventAt: state.lastEventAt,
      closed: state.closed,
      events: events.length,
      ...(problem ? { problem: `seq ${problem.seq}: ${problem.message}` } : {}),
    };
  } catch {
    return undefined; // not evidence (or unreadable: see unreadableFiles): not a session
  }
}

/**
 * Why sessions in `dir` cannot be listed, for a warning: unset when they can, or when `dir` does
 * not exist and `missingIsFine` (the default ./evidence before the first session).
 */
export async function evidenceDirProblem(dir: string, missingIsFine: boolean): Promise<string | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) return `evidence directory ${dir} is not a directory`;
    await access(dir, constants.R_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return missingIsFine ? undefined : `evidence directory ${dir} does not exist`;
    return `cannot read evidence directory ${dir}: ${fileErrorReason(error)}`;
  }
}

/** Evidence files in `dir` this user may not read: left out of every listing, so worth a warning. */
export async function unreadableFiles(dir: string): Promise<string[]> {
  const names = await readdir(resolve(dir)).catch(() => [] as string[]);
  const paths = names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => join(resolve(dir), name));
  const denied = await Promise.all(paths.map((path) => access(path, constants.R_OK).then(() => false, (error: NodeJS.ErrnoException) => error.code === 'EACCES' || error.code === 'EPERM')));
  return paths.filter((_, i) => denied[i]);
}

/** The paths of the files in `dir` that may be evidence (`*.json`, not hidden); a missing directory has none. */
export async function evidencePaths(dir: string): Promise<string[]> {
  const root = resolve(dir);
  const names = await readdir(root).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => join(root, name));
}

/** Every evidence file in `dir`, most recent activity first; a missing directory has none. */
export async function listSessions(dir: string): Promise<SessionSummary[]> {
  const paths = await evidencePaths(dir);
  const summaries = (await Promise.all(paths.map(summarize))).filter((s): s is SessionSummary => !!s);
  return summaries.sort((a, b) => (a.lastEventAt < b.lastEventAt ? 1 : a.lastEventAt > b.lastEventAt ? -1 : a.path.localeCompare(b.path)));
}
