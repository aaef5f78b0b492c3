// The reducer's cases for items and their runs: passes, commands started and ended, marks, and
// destructive confirmations.
import type { EvidenceEvent, ItemMark } from './events.js';
import type { EventHandlers, ItemState, ItemStatusView, RunState, SessionState } from './session-state-types.js';

export const itemKey = (section: string, item: string): string => `${section}/${item}`;

export function currentPass(state: SessionState, section: string): number {
  return state.passes[section] ?? 1;
}

/** Runs that were started but neither finished nor recorded as interrupted: the writer died mid-run. */
export function inFlightRuns(state: SessionState): RunState[] {
  return state.runOrder.map((id) => state.runs[id]).filter((run): run is RunState => !!run && run.inFlight);
}

/** A result of the item, unlike a run under way or cut short. */
const RESULTS: ReadonlySet<ItemStatusView> = new Set<ItemMark>(['pass', 'fail', 'skip', 'not-run']);
const isResult = (status: ItemStatusView | undefined): status is ItemMark => status !== undefined && RESULTS.has(status);

function updateItem(state: SessionState, section: string, item: string, pass: number, patch: Partial<ItemState>): void {
  const key = itemKey(section, item);
  const historyKey = `${key}#${pass}`;
  const previous = state.history[historyKey] ?? { section, item, pass, status: 'pending', note: '', runIds: [] };
  // The note belongs to the state it was given with: a run started, finished or cut short leaves
  // the earlier mark's note in the event log (the report's timeline), not on the item now.
  const next: ItemState = { ...previous, ...(patch.status ? { note: '' } : {}), ...patch };
  if (isResult(patch.status) && patch.markedAt) next.result = { status: patch.status, at: patch.markedAt };
  state.history[historyKey] = next;
  if (pass === currentPass(state, section)) state.items[key] = next;
}

function endRun(state: SessionState, event: Extract<EvidenceEvent, { type: 'command.finished' | 'command.interrupted' }>): void {
  const run = state.runs[event.runId];
  if (!run) return;
  state.runs[event.runId] = event.type === 'command.finished' ? { ...run, finished: event, inFlight: false } : { ...run, interrupted: event, inFlight: false };
  if (run.purpose === 'inject') return;
  const status: ItemStatusView = event.type === 'command.finished' ? event.result : 'interrupted';
  // A soak's mark comes at its end (item.marked): a run that passed midway does not pass the item,
  // or a soak cut short by a crash between two runs would read as passed.
  if (status === 'pass' && run.purpose === 'watch' && state.history[`${itemKey(run.section, run.item)}#${run.pass}`]?.soakOpen) return;
  updateItem(state, run.section, run.item, run.pass, { status, markedAt: event.ts });
}

/** On a resume: a soak still open was cut short when the last writer died; it is over, unfinished. */
export function closeOpenSoaks(state: SessionState, at: string): void {
  for (const it of Object.values(state.history)) {
    if (!it.soakOpen) continue;
    updateItem(state, it.section, it.item, it.pass, { soakOpen: false, ...(it.status === 'fail' ? {} : { status: 'interrupted', markedAt: at }) });
  }
}

type ItemEventType = 'pass.started' | 'command.started' | 'command.finished' | 'command.interrupted' | 'item.marked' | 'destructive.confirmed' | 'destructive.refused';

export const itemEvents: EventHandlers<ItemEventType> = {
  'pass.started': (state, event) => {
    state.passes[event.section] = event.pass;
    for (const [key, it] of Object.entries(state.items)) if (it.section === event.section) delete state.items[key];
  },
  'command.started': (state, event) => {
    state.runs[event.runId] = {
      runId: event.runId,
      section: event.section,
      item: event.item,
      pass: event.pass,
      command: event.command,
      edited: event.edited,
      purpose: event.purpose,
      log: event.log,
      startedAt: event.ts,
      startedSeq: event.seq,
      inFlight: true,
    };
    state.runOrder.push(event.runId);
    state.cursor = { section: event.section, item: event.item };
    if (event.purpose === 'inject') return;
    const prior = state.history[`${itemKey(event.section, event.item)}#${event.pass}`];
    const runIds = prior?.runIds ?? [];
    const newSoak = event.purpose === 'watch' && !prior?.soakOpen;
    updateItem(state, event.section, event.item, event.pass, {
      status: 'running',
      runIds: [...runIds, event.runId],
      lastRunId: event.runId,
      ...(newSoak ? { soakFrom: runIds.length, soakOpen: true } : {}),
    });
  },
  'command.finished': endRun,
  'command.interrupted': endRun,
  'item.marked': (state, event) => {
    updateItem(state, event.section, event.item, event.pass, { status: event.status, note: event.note, markedAt: event.ts, soakOpen: false, locked: event.locked });
    state.cursor = { section: event.section, item: event.item };
  },
  'destructive.confirmed': (state, event) => {
    state.destructive.push({ section: event.section, item: event.item, outcome: 'confirmed', detail: event.typed, at: event.ts });
  },
  'destructive.refused': (state, event) => {
    state.destructive.push({ section: event.section, item: event.item, outcome: 'refused', detail: event.reason, at: event.ts });
  },
};
