// Runs one command: its own process group, output redacted and streamed to a per-run log, the
// expectation judged as it streams, and a timeout or cancel that kills the whole process tree.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatDuration } from '../domain/duration.js';
import { CutoverError } from '../domain/errors.js';
import { createExpectationMatcher, type Expectation } from '../domain/expectation.js';
import type { Redactor } from '../domain/redaction.js';
import { LogLimit, type LogLimits } from './log-limit.js';
import { summarizeLogFile, type Excerpt, type LogSummary } from './output-capture.js';
import { signalGroup, spawnShell } from './process-group.js';
import { RunLog } from './run-log.js';
import { RunOutput } from './run-output.js';

export interface RunRequest {
  command: string;
  cwd: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** The log file to create (0600): redacted stdout and stderr, interleaved by line as they arrive. */
  logPath: string;
  /** How much the log may keep (default: DEFAULT_LOG_LIMITS). */
  logLimits?: LogLimits;
  redactor: Redactor;
  expect?: Expectation;
  /** Abort = cancel: the whole process group is killed. */
  signal?: AbortSignal;
  /** Redacted text as it arrives, for live tails. Called synchronously: keep it cheap. */
  onOutput?: (text: string) => void;
}

export interface RunOutcome {
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  /**
   * The command exited, but processes it started still held its output open PIPE_GRACE_MS later:
   * the run was closed then, and what they wrote after that is not in the log.
   */
  outputLeftOpen?: true;
  stdoutBytes: number;
  stderrBytes: number;
  logBytes: number;
  logSha256: string;
  excerpt: Excerpt;
  redactions: number;
  result: 'pass' | 'fail';
  reasons: string[];
}

/** After SIGTERM to the group, SIGKILL follows this much later. */
export const KILL_GRACE_MS = 1000;
/** After the kill, the run settles by then even if something outside the group holds the pipes. */
const SETTLE_AFTER_KILL_MS = 1500;
/** After the command exits, background processes it left holding the pipes get this long. */
const PIPE_GRACE_MS = 2000;

/** Synchronous, like opening the log: a stat is far cheaper than a thread-pool round trip per run. */
function checkedCwd(cwd: string): string | undefined {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch {
    return `working directory ${cwd} does not exist`;
  }
  return isDirectory ? undefined : `working directory ${cwd} is not a directory`;
}

function createLog(path: string): RunLog {
  try {
    return new RunLog(path);
  } catch (error) {
    throw new CutoverError(`cannot create the run log ${path}: ${(error as Error).message}`);
  }
}

interface Supervised {
  code: number | null;
  signal: string | null;
  stopped?: 'timeout' | 'cancel';
  startError?: string;
  /** ms from spawn to the command's own exit, when something it started outlived it holding the pipes. */
  leftOpenAfterExitMs?: number;
}

/** Feeds the child's output to `output` until it has exited and its pipes closed (or the kill settled). */
function supervise(req: RunRequest, output: RunOutput): Promise<Supervised> {
  return new Promise((settle) => {
    const child = spawnShell(req.command, req.cwd, req.env ?? {});
    const spawnedAt = performance.now();
    const state: Supervised = { code: null, signal: null };
    const timers: NodeJS.Timeout[] = [];
    let exited = false;
    let killing = false;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      timers.forEach(clearTimeout);
      req.signal?.removeEventListener('abort', onAbort);
      child.stdout.destroy();
      child.stderr.destroy();
      settle(state);
    };
    const kill = (why: 'timeout' | 'cancel'): void => {
      if (killing || finished) return;
      killing = true;
      // Once the command itself has exited, a cancel only stops what it left running.
      if (!exited) state.stopped = why;
      signalGroup(child.pid, 'SIGTERM');
      timers.push(setTimeout(() => signalGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS));
      timers.push(setTimeout(finish, SETTLE_AFTER_KILL_MS));
    };
    const onAbort = (): void => kill('cancel');
    req.signal?.addEventListener('abort', onAbort, { once: true });
    if (req.timeoutMs !== undefined) timers.push(setTimeout(() => !exited && kill('timeout'), req.timeoutMs));

    for (const source of ['stdout', 'stderr'] as const) {
      child[source].on('data', (chunk: Buffer) => {
        if (output.push(source, chunk)) return;
        child.stdout.pause();
        child.stderr.pause();
        void output.drained().then(() => {
          child.stdout.resume();
          child.stderr.resume();
        });
      });
    }
    child.on('error', (error) => {
      if (child.pid === undefined) state.startError = `could not start the command: ${error.message}`;
      finish();
    });
    child.on('exit', (code, signal) => {
      exited = true;
      state.code = code;
      state.signal = signal;
      const exitedAfterMs = performance.now() - spawnedAt;
      const pipesStillOpen = (): void => {
        if (!killing) state.leftOpenAfterExitMs = exitedAfterMs;
        finish();
      };
      if (!finished) timers.push(setTimeout(pipesStillOpen, PIPE_GRACE_MS));
    });
    child.on('close', finish);
  });
}

/** Ends the log of a run whose command left processes holding its output (a daemon started with `&`). */
function leftOpenNote(exitedAfterMs: number): string {
  return `\n[cutover: the command exited after ${formatDuration(exitedAfterMs)}, but processes it started still held its output ${PIPE_GRACE_MS / 1000}s later; they were left running, and what they write from here on is not kept]\n`;
}

/** A string abort reason says why (e.g. the terminal closed); a bare abort() is the operator's cancel. */
export function abortReason(signal: AbortSignal | undefined): string | undefined {
  return typeof signal?.reason === 'string' ? signal.reason : undefined;
}

export async function runCommand(req: RunRequest): Promise<RunOutcome> {
  const startedAt = performance.now();
  const matcher = createExpectationMatcher(req.expect);
  const output = new RunOutput(createLog(req.logPath), new LogLimit(dirname(req.logPath), req.logLimits), req.redactor, matcher, req.onOutput);
  const notStarted = checkedCwd(req.cwd);
  const run: Supervised = req.signal?.aborted
    ? { code: null, signal: null, stopped: 'cancel' }
    : notStarted
      ? { code: null, signal: null, startError: notStarted }
      : await supervise(req, output);
  const durationMs = Math.round(performance.now() - startedAt);
  const summary = await output.close(run.leftOpenAfterExitMs === undefined ? undefined : leftOpenNote(run.leftOpenAfterExitMs));

  const timedOut = run.stopped === 'timeout';
  const cancelled = run.stopped === 'cancel';
  const verdict = run.startError
    ? { result: 'fail' as const, reasons: [run.startError] }
    : matcher.finish({ exitCode: run.code, signal: run.signal, timedOut, cancelled, timeoutMs: req.timeoutMs, cancelReason: abortReason(req.signal) });
  if (output.writeError) {
    verdict.result = 'fail';
    verdict.reasons.push(`could not write the run log: ${output.writeError.message}`);
  }
  return {
    exitCode: run.code,
    signal: run.signal,
    durationMs,
    timedOut,
    cancelled,
    ...(run.leftOpenAfterExitMs === undefined ? {} : { outputLeftOpen: true as const }),
    stdoutBytes: output.stdoutBytes,
    stderrBytes: output.stderrBytes,
    ...summary,
    redactions: output.redactions,
    ...verdict,
  };
}

/** For a run found interrupted after a crash: what reached its log (a missing log is empty). */
export function summarizeLog(logPath: string): Promise<LogSummary> {
  return summarizeLogFile(logPath);
}
