// `cutover run <checklist> --headless`: every automated item in order, unattended, recorded as
// evidence; exit 0 when every check passed, 1 when any failed (or was refused, locked or
// cancelled), 2 on usage or validation errors. SIGINT/SIGTERM/SIGHUP (a dropped SSH session)
// cancel the running command, record it, close the session and exit 130/143/129 (run-signals.ts).
import { userInfo } from 'node:os';
import { CutoverError, EXIT } from '../../domain/errors.js';
import { plural } from '../../domain/plural.js';
import { lintChecklist } from '../../domain/checklist-lint.js';
import { isMisreadWarning } from '../../domain/diagnostic.js';
import { shellWord } from '../../domain/command-template.js';
import { SIGNAL_EXIT } from '../../domain/stop-signals.js';
import { displayPathOf, loadChecklist, resolveChecklistRef, type LoadedChecklist } from '../../services/checklist-loader.js';
import { CutoverSession } from '../../services/session.js';
import { parseVars } from '../fatal.js';
import { runPlannedItem } from './run-headless.js';
import { trapSignals } from './run-signals.js';
import { isAutomated, planRun } from './run-plan.js';
import { drillSummary, type DrillSummary } from './run-drill-summary.js';
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
  confirmRequirements?: boolean;
  evidenceDir: string;
}


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

/** Unattended, nobody reads `validate`: one line says it has something to say (a value cut short by a #, an empty gates section…). */
function warnAboutChecklist(loaded: LoadedChecklist): void {
  const count = loaded.warnings ?? lintChecklist(loaded.checklist).filter(isMisreadWarning).length;
  if (count) process.stderr.write(`cutover: warning: ${plural(count, 'checklist warning')} in ${loaded.displayPath}: \`cutover validate ${shellWord(loaded.displayPath)}\` lists ${count === 1 ? 'it' : 'them'}\n`);
}

function checkUsage(opts: RunOptions): void {
  if (!opts.headless) {
    throw new CutoverError('`cutover run` needs --headless: it runs every automated item unattended', EXIT.usage, 'for an interactive session use `cutover open <checklist>`');
  }
  if (opts.inject?.length && !opts.drill) throw new CutoverError('--inject only works in a drill', EXIT.usage, 'add --drill');
}

function startSession(path: string, loaded: LoadedChecklist, opts: RunOptions, variables: Record<string, string>): Promise<CutoverSession> {
  return CutoverSession.start({
    checklistPath: path,
    loaded,
    evidenceDir: opts.evidenceDir,
    ticket: opts.ticket ?? `headless-${new Date().toISOString().slice(0, 10)}`,
    environment: opts.env ?? process.env.CUTOVER_ENV ?? 'unspecified',
    operator: opts.operator ?? loginName(),
    mode: opts.drill ? 'drill' : 'live',
    variables,
    allowDestructive: opts.allowDestructive ?? false,
  });
}

interface Injection {
  item: string;
  exitCode: number | null;
  runId: string;
  ok: boolean;
}

export async function runCommand(checklistRef: string, opts: RunOptions): Promise<void> {
  checkUsage(opts);
  const variables = parseVars(opts.var);
  const { path, loaded } = await loadForRun(checklistRef);
  warnAboutChecklist(loaded);
  const plan = planRun(loaded.checklist, opts.section ?? [], opts.inject ?? []);
  const session = await startSession(path, loaded, opts, variables);
  const controller = new AbortController();
  const table = new RunTable(opts.json ? () => undefined : (text) => void process.stdout.write(text), plan);
  const signals = trapSignals(controller, table);
  const evidence = displayPathOf(session.evidencePath);
  const { checklist } = loaded;
  const { header } = session.store;
  table.plainLine(`cutover run: ${checklist.title} (${checklist.id} v${checklist.version}): ticket ${header.ticket}, env ${header.environment}, ${header.mode}`);
  table.line(`evidence: ${evidence}\n`);
  table.header();

  const rows: Row[] = [];
  const injected: Injection[] = [];
  let drill: DrillSummary | undefined;
  const started = Date.now();
  // A row is printed once its events are on disk: the fsync it waits for is the next item's
  // command.started (group commit), so printing it never costs an fsync of its own.
  const report = (write: () => void): void => session.store.whenDurable(write);
  try {
    for (const p of plan) {
      if (p.inject && !controller.signal.aborted) {
        const run = await session.injectFault(p.item.id, { signal: controller.signal });
        const injection = { item: p.item.id, exitCode: run.finished?.exitCode ?? null, runId: run.runId, ok: run.finished?.result === 'pass' };
        injected.push(injection);
        report(() => table.line(`fault injected for ${p.item.id}: exit ${injection.exitCode ?? '-'}${injection.ok ? '' : ' (the injection itself failed)'}`));
      }
      if (controller.signal.aborted) break;
      report(() => table.start(p));
      const row = await runPlannedItem(session, p, { allowDestructive: opts.allowDestructive ?? false, confirmRequirements: opts.confirmRequirements ?? false, signal: controller.signal });
      rows.push(row);
      report(() => table.finish(row));
    }
    const interrupted = signals.signal();
    await session.finish(interrupted ? `headless run interrupted by ${interrupted}` : 'headless run complete');
    if (header.mode === 'drill') drill = await drillSummary(session, checklist).catch(() => undefined);
  } catch (error) {
    table.breakRow(); // the error gets its own line
    throw error;
  } finally {
    await session.close();
    signals.release();
  }

  const interrupted = signals.signal();
  const counts = tally(rows);
  const notReached = plan.length - rows.length;
  if (!plan.some((p) => isAutomated(p.item))) {
    process.stderr.write(`cutover: warning: ${opts.section?.length ? 'the selected sections hold' : 'this checklist holds'} no automated item: nothing was checked\n`);
  }
  // A drill's checks are meant to fail under its injected faults: its verdict is the drill's result.
  const ok = !interrupted && (drill ? drill.result === 'passed' : counts.failed === 0);
  if (opts.json) {
    const result = { ok, ...counts, evidence: session.evidencePath, items: rows, ...(injected.length ? { injected } : {}), ...(drill ? { drill: { result: drill.result, findings: drill.findings } } : {}), ...(interrupted ? { interrupted, notReached } : {}) };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const stopped = interrupted ? ` (interrupted by ${interrupted}: ${plural(notReached, 'item')} not reached)` : '';
    // a drill's total is the one its evidence gives (and the drill line below repeats), not this process's clock
    table.line(`\n${totalsLine(rows, drill?.totalMs ?? Date.now() - started)}${stopped}`);
    for (const line of drill?.lines ?? []) table.line(line);
    table.line(`evidence: ${evidence}\nreport:   cutover report ${shellWord(evidence)}`);
  }
  process.exitCode = interrupted ? (SIGNAL_EXIT[interrupted] ?? 1) : ok ? EXIT.ok : EXIT.failed;
}
