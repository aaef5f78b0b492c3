// Running an item's command inside a session: destructive checks, and the started/finished pair
// of events around the runner. Soaks (watch loops) are in session-soak.ts.
import { isAbsolute, resolve } from 'node:path';
import { placeholders, renderCommand, shellWord } from '../domain/command-template.js';
import { parseDuration } from '../domain/duration.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import { currentPass, type RunState } from '../domain/session-state.js';
import { allVariables, varFlagsHint } from '../domain/session-variables.js';
import { SHELL } from './process-group.js';
import { runCommand, type RunOutcome } from './runner.js';
import type { CutoverSession } from './session.js';

export interface RunItemOptions {
  /** An edited command, recorded as edited, instead of the rendered suggestion. */
  command?: string;
  signal?: AbortSignal;
  onOutput?: (text: string) => void;
  /** For destructive items: what the operator typed; it must equal the item id. */
  confirm?: string;
  /**
   * Group commit for a caller that tells nobody about the result until session.store.whenDurable
   * says so: command.finished is written at once but fsync'd together with the next event.
   */
  deferFinish?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

function sessionVariables(session: CutoverSession): Record<string, string> {
  const header = session.store.header;
  return allVariables(session.variables, {
    ticket: header.ticket,
    env: header.environment,
    operator: session.operator,
    session: session.sessionId,
    checklist_dir: session.checklistDir,
    evidence_dir: session.evidenceDir,
  });
}

export function renderSessionCommand(session: CutoverSession, template: string): string {
  const vars = sessionVariables(session);
  // A declared variable without a value here is a secret of a resumed session: never stored.
  const missing = placeholders(template).filter((name) => !Object.hasOwn(vars, name) && session.checklist.variables.some((v) => v.name === name));
  if (missing.length) {
    const hint = varFlagsHint(missing.map((name) => ({ name })), () => true, `resume with ${missing.length > 1 ? 'them' : 'it'} given again: cutover resume ${shellWord(session.evidencePath)}`);
    throw new CutoverError(`no value for ${missing.join(', ')} in this session: secret values are never stored in the evidence`, EXIT.usage, hint);
  }
  return renderCommand(template, vars);
}

/** A working directory is a path, not shell text: placeholders are substituted unquoted. */
function resolveCwd(session: CutoverSession, template: string | undefined): string {
  if (!template) return process.cwd();
  const vars = sessionVariables(session);
  const path = template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => vars[name] ?? '');
  return isAbsolute(path) ? path : resolve(path);
}

async function guardDestructive(session: CutoverSession, sectionId: string, itemId: string, confirm: string | undefined): Promise<void> {
  if (session.mode === 'drill' && !session.allowDestructive) {
    const reason = 'destructive items are refused in a drill (use --allow-destructive to allow them)';
    await session.append({ type: 'destructive.refused', section: sectionId, item: itemId, reason });
    throw new CutoverError(`${itemId} is destructive: ${reason}`, EXIT.failed);
  }
  if (confirm === undefined) throw new CutoverError(`${itemId} is destructive: type the item id to confirm`, EXIT.failed);
  if (confirm.trim() !== itemId) {
    await session.append({ type: 'destructive.refused', section: sectionId, item: itemId, reason: `confirmation "${confirm}" does not match the item id` });
    throw new CutoverError(`${itemId} is destructive: the confirmation does not match the item id, nothing was run`, EXIT.failed);
  }
  await session.append({ type: 'destructive.confirmed', section: sectionId, item: itemId, typed: confirm.trim() });
}

function renderedOrUndefined(session: CutoverSession, template: string): string | undefined {
  try {
    return session.render(template);
  } catch {
    return undefined;
  }
}

function failedToStart(error: unknown, started: number): RunOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: null,
    signal: null,
    durationMs: Date.now() - started,
    timedOut: false,
    cancelled: false,
    stdoutBytes: 0,
    stderrBytes: 0,
    logBytes: 0,
    logSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    excerpt: { head: '', tail: '', truncated: false },
    redactions: 0,
    result: 'fail',
    reasons: [`could not run the command: ${message}`],
  };
}

export async function executeItem(
  session: CutoverSession,
  sectionId: string,
  itemId: string,
  purpose: 'check' | 'inject' | 'watch',
  opts: RunItemOptions,
): Promise<RunState> {
  const { item } = session.requireItem(sectionId, itemId);
  // An edited command stands on its own: the suggestion it replaced is rendered only to tell
  // whether it was edited, and may lack a secret this resumed session was not given.
  const suggested = item.run === undefined ? undefined : opts.command === undefined ? session.render(item.run) : renderedOrUndefined(session, item.run);
  const command = opts.command ?? suggested;
  if (!command?.trim()) throw new CutoverError(`${itemId} is a manual item: there is no command to run`, EXIT.usage);
  if (item.destructive && purpose !== 'inject') await guardDestructive(session, sectionId, itemId, opts.confirm);
  if (purpose !== 'inject' && session.armedFaults.delete(itemId)) {
    const fault = await session.injectFault(itemId, { signal: opts.signal, onOutput: opts.onOutput });
    // The operator must not believe the fault is in place: say so where the output streams.
    if (fault.finished?.result !== 'pass') opts.onOutput?.(`\n[cutover] the fault was NOT injected (${fault.finished?.reasons[0] ?? 'its command did not finish'}): this check runs without it\n`);
  }

  const runId = `r${String(session.state.runOrder.length + 1).padStart(4, '0')}`;
  const cwd = resolveCwd(session, item.cwd);
  const timeoutMs = item.timeout ? parseDuration(item.timeout) : DEFAULT_TIMEOUT_MS;
  await session.append({
    type: 'command.started',
    runId,
    section: sectionId,
    item: itemId,
    pass: currentPass(session.state, sectionId),
    command,
    edited: purpose !== 'inject' && opts.command !== undefined && opts.command !== suggested,
    purpose,
    cwd,
    log: session.store.runLogRelative(runId),
    ...(timeoutMs ? { timeoutMs } : {}),
    shell: SHELL,
  });
  const started = Date.now();
  const outcome = await runCommand({
    command,
    cwd,
    env: { CUTOVER_SESSION: session.sessionId, CUTOVER_ITEM: itemId, CUTOVER_MODE: session.mode },
    timeoutMs,
    logPath: session.store.runLogPath(runId),
    redactor: session.redactor,
    expect: purpose === 'inject' ? { exitCode: 0 } : item.expect,
    signal: opts.signal,
    onOutput: opts.onOutput,
  }).catch((error: unknown) => failedToStart(error, started));
  await session.append({ type: 'command.finished', runId, ...outcome }, { defer: purpose === 'check' && opts.deferFinish === true });
  if (purpose !== 'inject') await session.syncRules();
  return session.state.runs[runId] as RunState;
}
