// `cutover run <checklist> --headless`: every automated item in order, unattended, recorded as
// evidence; exit 0 when every check passed, 1 when any failed (or was refused, locked or
// cancelled), 2 on usage or validation errors. SIGINT/SIGTERM cancel the running command, record
// it, close the session and exit 130/143.
import { userInfo } from 'node:os';
import { relative } from 'node:path';
import { CutoverError, EXIT } from '../../domain/errors.js';
import type { RunState } from '../../domain/session-state.js';
import { loadChecklist, resolveChecklistRef } from '../../services/checklist-loader.js';
import { CutoverSession } from '../../services/session.js';
import { parseVars } from '../fatal.js';
import { runPlannedItem } from './run-headless.js';
import { planRun } from './run-plan.js';
import { RunTable, tally, totalsLine, type Row } from './run-table.js';

export interface RunOptions {
  headless?: boolean;
  section?: string[];
  var?: string[];
  ticket?: string;
  env?: string;
  operator?: string;
  json?: boolean;
  drill?: boolean;
  inject?: string[];
  allowDestructive?: boolean;
  evidenceDir: string;
}

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

function loginName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  }
}

/** An invalid checklist is a validation error for `run`: exit 2 with the located diagnostics. */
async function loadForRun(ref: string) {
  const path = await resolveChecklistRef(ref);
  try {
    return { path, loaded: await loadChecklist(path) };
  } catch (error) {
    if (error instanceof CutoverError) throw new CutoverError(error.message, EXIT.usage, error.hint);
    throw error;
  }
}

function checkUsage(opts: RunOptions): void {
  if (!opts.headless) {
    throw new CutoverError('`cutover run` needs --headless: it runs every automated item unattended', EXIT.usage, 'for an interactive session use `cutover open <checklist>`');
  }
  if (opts.inject?.length && !opts.drill) throw new CutoverError('--inject only works in a drill', EXIT.usage, 'add --drill');
}

export async function runCommand(checklistRef: string, opts: RunOptions): Promise<void> {
  checkUsage(opts);
  const variables = parseVars(opts.var);
  const { path, loaded } = await loadForRun(checklistRef);
  const plan = planRun(loaded.checklist, opts.section ?? [], opts.inject ?? []);
  const session = await CutoverSession.start({
    checklistPath: path,
    evidenceDir: opts.evidenceDir,
    ticket: opts.ticket ?? `headless-${new Date().toISOString().slice(0, 10)}`,
    environment: opts.env ?? process.env.CUTOVER_ENV ?? 'unspecified',
    operator: opts.operator ?? loginName(),
    mode: opts.drill ? 'drill' : 'live',
    variables,
    allowDestructive: opts.allowDestructive ?? false,
  });

  const controller = new AbortController();
  let signalled: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) process.exit(SIGNAL_EXIT[signal] ?? 1); // a second signal: stop waiting
    signalled = signal;
    process.stderr.write(`\ncutover: ${signal}: cancelling the running command, recording it and closing the session…\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const out = opts.json ? () => undefined : (text: string) => void process.stdout.write(text);
  const table = new RunTable(out, plan);
  const shownPath = relative(process.cwd(), session.evidencePath).startsWith('..') ? session.evidencePath : relative(process.cwd(), session.evidencePath);
  const checklist = loaded.checklist;
  const header = session.store.header;
  table.line(`cutover run: ${checklist.title} (${checklist.id} v${checklist.version}): ticket ${header.ticket}, env ${header.environment}, ${header.mode}`);
  table.line(`evidence: ${shownPath}\n`);
  table.header();

  const rows: Row[] = [];
  const injected: Array<{ item: string; exitCode: number | null; runId: string; ok: boolean }> = [];
  const recordInjection = (item: string, run: RunState): void => {
    const ok = run.finished?.result === 'pass';
    injected.push({ item, exitCode: run.finished?.exitCode ?? null, runId: run.runId, ok });
    table.line(`fault injected for ${item}: exit ${run.finished?.exitCode ?? '-'}${ok ? '' : ' (the injection itself failed)'}`);
  };
  const started = Date.now();
  try {
    for (const p of plan) {
      if (controller.signal.aborted) break;
      if (p.inject) recordInjection(p.item.id, await session.injectFault(p.item.id, { signal: controller.signal }));
      if (controller.signal.aborted) break;
      table.start(p);
      const row = await runPlannedItem(session, p, { allowDestructive: opts.allowDestructive ?? false, signal: controller.signal });
      rows.push(row);
      table.finish(row);
    }
    await session.finish(signalled ? `headless run interrupted by ${signalled}` : 'headless run complete');
  } finally {
    await session.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const counts = tally(rows);
  const ok = counts.failed === 0 && !signalled;
  if (opts.json) {
    const result = { ok, ...counts, evidence: session.evidencePath, items: rows.map(({ note: _note, ...row }) => row), ...(injected.length ? { injected } : {}), ...(signalled ? { interrupted: signalled } : {}) };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    table.line(`\n${totalsLine(rows, Date.now() - started)}${signalled ? ` (interrupted by ${signalled}: ${plan.length - rows.length} item(s) not reached)` : ''}`);
    table.line(`evidence: ${shownPath}\nreport:   cutover report ${shownPath}`);
  }
  process.exitCode = signalled ? (SIGNAL_EXIT[signalled] ?? 1) : ok ? EXIT.ok : EXIT.failed;
}
