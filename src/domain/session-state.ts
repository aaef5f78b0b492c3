// The one reducer: folds evidence events into session state. Used by the TUI, headless runs,
// reports and verify, so that every view of a session agrees.
import type { DecisionKind, EvidenceEvent, EvidenceHeader, EventOf, ItemMark } from './events.js';

export type ItemStatusView = ItemMark | 'pending' | 'running' | 'interrupted';

export interface RunState {
  runId: string;
  section: string;
  item: string;
  pass: number;
  command: string;
  edited: boolean;
  purpose: 'check' | 'inject' | 'watch';
  log: string;
  startedAt: string;
  startedSeq: number;
  finished?: EventOf<'command.finished'>;
  interrupted?: EventOf<'command.interrupted'>;
  /** started, never finished, and no interruption recorded: the process died mid-run. */
  inFlight: boolean;
}

export interface ItemState {
  section: string;
  item: string;
  pass: number;
  status: ItemStatusView;
  note: string;
  markedAt?: string;
  runIds: string[];
  lastRunId?: string;
  /** Index in runIds where the latest soak began; a soak ends when its result marks the item. */
  soakFrom?: number;
  soakOpen?: boolean;
}

export interface Incident {
  incidentId: string;
  severity: string;
  title: string;
  description: string;
  declaredAt: string;
  section?: string;
  item?: string;
  resolvedAt?: string;
  resolution?: string;
}

export interface SessionState {
  header: EvidenceHeader;
  lastSeq: number;
  lastHash: string;
  startedAt: string;
  lastEventAt: string;
  t0?: string;
  roles: Record<string, { name: string; contact: string; backup: string; tbd: boolean; at: string }>;
  /** Current pass number of each section (1 unless a new pass was started, e.g. smoke after rollback). */
  passes: Record<string, number>;
  /** Item results of the current pass of each section, keyed `section/item`. */
  items: Record<string, ItemState>;
  /** Every item result ever recorded, keyed `section/item#pass`: earlier passes are kept. */
  history: Record<string, ItemState>;
  runs: Record<string, RunState>;
  runOrder: string[];
  incidents: Incident[];
  decisions: Array<{ decision: DecisionKind; reason: string; by: string; at: string }>;
  signoffs: Array<{ role: string; name: string; item?: string; note: string; at: string }>;
  notes: Array<{ section?: string; item?: string; text: string; at: string; by: string }>;
  firedRules: Record<string, { recommend: string; text: string; reason: string; at: string }>;
  overrides: Array<{ section: string; reason: string; unmet: string[]; at: string }>;
  destructive: Array<{ section: string; item: string; outcome: 'confirmed' | 'refused'; detail: string; at: string }>;
  exports: Array<{ path: string; format: string; at: string }>;
  cursor?: { section: string; item?: string };
  closed: boolean;
}

export const itemKey = (section: string, item: string): string => `${section}/${item}`;

export function initialState(header: EvidenceHeader): SessionState {
  return {
    header,
    lastSeq: 0,
    lastHash: '',
    startedAt: header.createdAt,
    lastEventAt: header.createdAt,
    roles: {},
    passes: {},
    items: {},
    history: {},
    runs: {},
    runOrder: [],
    incidents: [],
    decisions: [],
    signoffs: [],
    notes: [],
    firedRules: {},
    overrides: [],
    destructive: [],
    exports: [],
    closed: false,
  };
}

function passOf(state: SessionState, section: string): number {
  return state.passes[section] ?? 1;
}

function updateItem(state: SessionState, section: string, item: string, pass: number, patch: Partial<ItemState>): void {
  const key = itemKey(section, item);
  const historyKey = `${key}#${pass}`;
  const previous = state.history[historyKey] ?? { section, item, pass, status: 'pending', note: '', runIds: [] };
  const next: ItemState = { ...previous, ...patch };
  state.history[historyKey] = next;
  if (pass === passOf(state, section)) state.items[key] = next;
}

/**
 * Applies one event to a state the caller owns. Folding mutates a fresh state in place so that
 * a 10,000-event session folds in linear time; `reduce` is the copying form for UI state.
 */
export function applyEvent(state: SessionState, event: EvidenceEvent): void {
  state.lastSeq = event.seq;
  state.lastHash = event.hash;
  state.lastEventAt = event.ts;
  switch (event.type) {
    case 'session.started':
      state.startedAt = event.ts;
      return;
    case 'session.resumed':
      state.closed = false;
      return;
    case 'role.assigned':
      state.roles[event.role] = { name: event.name, contact: event.contact, backup: event.backup, tbd: event.tbd, at: event.ts };
      return;
    case 't0.marked':
      state.t0 = event.at;
      return;
    case 'pass.started':
      state.passes[event.section] = event.pass;
      for (const [key, it] of Object.entries(state.items)) if (it.section === event.section) delete state.items[key];
      return;
    case 'command.started': {
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
      return;
    }
    case 'command.finished':
    case 'command.interrupted': {
      const run = state.runs[event.runId];
      if (!run) return;
      state.runs[event.runId] =
        event.type === 'command.finished' ? { ...run, finished: event, inFlight: false } : { ...run, interrupted: event, inFlight: false };
      if (run.purpose === 'inject') return;
      const status: ItemStatusView = event.type === 'command.finished' ? event.result : 'interrupted';
      updateItem(state, run.section, run.item, run.pass, { status, markedAt: event.ts });
      return;
    }
    case 'item.marked':
      updateItem(state, event.section, event.item, event.pass, { status: event.status, note: event.note, markedAt: event.ts, soakOpen: false });
      state.cursor = { section: event.section, item: event.item };
      return;
    case 'note.added':
      state.notes.push({ section: event.section, item: event.item, text: event.text, at: event.ts, by: event.by });
      return;
    case 'incident.declared':
      state.incidents.push({
        incidentId: event.incidentId,
        severity: event.severity,
        title: event.title,
        description: event.description,
        declaredAt: event.ts,
        section: event.section,
        item: event.item,
      });
      return;
    case 'incident.resolved':
      state.incidents = state.incidents.map((inc) =>
        inc.incidentId === event.incidentId ? { ...inc, resolvedAt: event.ts, resolution: event.note } : inc,
      );
      return;
    case 'rule.fired':
      state.firedRules[event.rule] = { recommend: event.recommend, text: event.text, reason: event.reason, at: event.ts };
      return;
    case 'rule.cleared':
      delete state.firedRules[event.rule];
      return;
    case 'decision.taken':
      state.decisions.push({ decision: event.decision, reason: event.reason, by: event.by, at: event.ts });
      return;
    case 'signoff.recorded':
      state.signoffs.push({ role: event.role, name: event.name, item: event.item, note: event.note, at: event.ts });
      return;
    case 'destructive.confirmed':
    case 'destructive.refused':
      state.destructive.push({
        section: event.section,
        item: event.item,
        outcome: event.type === 'destructive.confirmed' ? 'confirmed' : 'refused',
        detail: event.type === 'destructive.confirmed' ? event.typed : event.reason,
        at: event.ts,
      });
      return;
    case 'override.recorded':
      state.overrides.push({ section: event.section, reason: event.reason, unmet: event.unmet, at: event.ts });
      return;
    case 'cursor.moved':
      state.cursor = { section: event.section, item: event.item };
      return;
    case 'exported':
      state.exports.push({ path: event.path, format: event.format, at: event.ts });
      return;
    case 'session.closed':
      state.closed = true;
      return;
  }
}

/** Copying form of applyEvent, for React state: the previous state is left untouched. */
export function reduce(state: SessionState, event: EvidenceEvent): SessionState {
  const next: SessionState = {
    ...state,
    roles: { ...state.roles },
    passes: { ...state.passes },
    items: { ...state.items },
    history: { ...state.history },
    runs: { ...state.runs },
    runOrder: [...state.runOrder],
    incidents: [...state.incidents],
    decisions: [...state.decisions],
    signoffs: [...state.signoffs],
    notes: [...state.notes],
    firedRules: { ...state.firedRules },
    overrides: [...state.overrides],
    destructive: [...state.destructive],
    exports: [...state.exports],
  };
  applyEvent(next, event);
  return next;
}

export function foldEvents(header: EvidenceHeader, events: readonly EvidenceEvent[]): SessionState {
  const state = initialState(header);
  for (const event of events) applyEvent(state, event);
  return state;
}

export function currentPass(state: SessionState, section: string): number {
  return passOf(state, section);
}

export function openIncidents(state: SessionState): Incident[] {
  return state.incidents.filter((inc) => !inc.resolvedAt);
}

/** Runs that were started but neither finished nor recorded as interrupted: the writer died mid-run. */
export function inFlightRuns(state: SessionState): RunState[] {
  return state.runOrder.map((id) => state.runs[id]).filter((run): run is RunState => !!run && run.inFlight);
}
