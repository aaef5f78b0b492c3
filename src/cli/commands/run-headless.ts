// One item of a headless run, recorded through the session like any operator action: automated
// items run (soaks re-run per `watch`), manual ones are recorded as not run, destructive ones are
// refused (and recorded) unless --allow-destructive, and locked sections are not entered. A
// roll-forward's `requires.text` are judgements nobody is there to make: the section stays locked
// unless the run was started with --confirm-requirements (recorded as the unattended run's).
import type { RunState } from '../../domain/session-state.js';
import type { CutoverSession } from '../../services/session.js';
import { isAutomated, type PlannedItem } from './run-plan.js';
import type { Row } from './run-table.js';
import { plural } from '../../domain/plural.js';
import { soakRunOutcome, soakTally } from '../../domain/soak-tally.js';

export const MANUAL_NOTE = 'manual item: not run headless';
export const DESTRUCTIVE_REASON = 'headless run without --allow-destructive';
export const LEFT_OPEN_NOTE = 'what it started in the background still held its output: left running, closed 2s after the command exited';

export interface HeadlessOptions {
  allowDestructive: boolean;
  confirmRequirements: boolean;
  signal: AbortSignal;
}

function rowOf(p: PlannedItem, result: Row['result'], run?: RunState, durationMs = run?.finished?.durationMs ?? 0): Row {
  return {
    section: p.section.id,
    item: p.item.id,
    title: p.item.title,
    result,
    exitCode: run?.finished?.exitCode ?? null,
    durationMs,
    runId: run?.runId ?? null,
  };
}

function resultOf(run: RunState): Row['result'] {
  if (run.finished?.cancelled) return 'cancelled';
  return run.finished?.result === 'pass' ? 'pass' : 'fail';
}

export async function runPlannedItem(session: CutoverSession, p: PlannedItem, opts: HeadlessOptions): Promise<Row> {
  const { section, item } = p;
  if (!isAutomated(item)) {
    await session.markItem(section.id, item.id, 'not-run', MANUAL_NOTE);
    return rowOf(p, 'not-run');
  }
  const unmet = session.unmetRequirements(section.id);
  if (unmet.length) {
    await session.markItem(section.id, item.id, 'not-run', `section locked: ${unmet.join('; ')}`, true);
    return { ...rowOf(p, 'locked'), note: unmet.join('; ') };
  }
  const unconfirmed = session.unconfirmedRequirements(section.id);
  if (unconfirmed.length && !opts.confirmRequirements) {
    await session.markItem(section.id, item.id, 'not-run', `section locked: not confirmed: ${unconfirmed.join('; ')}`, true);
    return { ...rowOf(p, 'locked'), note: `${plural(unconfirmed.length, 'requirement')} to confirm: pass --confirm-requirements to confirm them for this unattended run` };
  }
  if (unconfirmed.length) await session.confirmRequirements(section.id, { unattended: true });
  if (item.destructive && !opts.allowDestructive) {
    await session.append({ type: 'destructive.refused', section: section.id, item: item.id, reason: DESTRUCTIVE_REASON });
    await session.markItem(section.id, item.id, 'not-run', `destructive item refused: ${DESTRUCTIVE_REASON}`);
    return { ...rowOf(p, 'refused'), note: 'destructive: pass --allow-destructive to run it unattended' };
  }
  const runOpts = { signal: opts.signal, ...(item.destructive ? { confirm: item.id } : {}) };
  if (!item.watch) {
    // The caller reports the row through session.store.whenDurable, so command.finished can share the next event's fsync.
    const run = await session.runItem(section.id, item.id, { ...runOpts, deferFinish: true });
    const why = resultOf(run) === 'pass' ? [] : (run.finished?.reasons ?? []); // every reason, as the report's gate table gives them
    const notes = [...why, ...(run.finished?.outputLeftOpen ? [LEFT_OPEN_NOTE] : [])];
    return { ...rowOf(p, resultOf(run), run), ...(notes.length ? { note: notes.join('; ') } : {}) };
  }
  const started = Date.now();
  const runs = await session.runWatch(section.id, item.id, runOpts);
  const last = runs.at(-1);
  const marked = session.state.items[`${section.id}/${item.id}`];
  // Stopped between two runs, no run was cancelled: the soak still was.
  const stopped = opts.signal.aborted || last?.finished?.cancelled;
  const result = stopped ? 'cancelled' : marked?.status === 'pass' ? 'pass' : 'fail';
  // A stopped soak's mark says how far it got ("soak stopped after 2.6s of 30s (…)").
  const note = stopped && marked?.note ? marked.note : `soak: ${soakTally(runs.map(soakRunOutcome))}`;
  return { ...rowOf(p, result, last, Date.now() - started), note };
}
