// The one reducer: folds evidence events into session state. Used by the TUI, headless runs,
// reports and verify, so that every view of a session agrees. Each group of event types is folded
// in its own file (session-state-*.ts); this one puts them together.
import type { EventType, EvidenceEvent, EvidenceHeader } from './events.js';
import { incidentEvents } from './session-state-incidents.js';
import { itemEvents } from './session-state-items.js';
import { lifecycleEvents } from './session-state-lifecycle.js';
import { roleEvents } from './session-state-roles.js';
import type { EventHandlers, SessionState } from './session-state-types.js';

export type { Incident, ItemState, ItemStatusView, RunState, SessionState } from './session-state-types.js';
export { currentPass, inFlightRuns, itemKey } from './session-state-items.js';
export { openIncidents } from './session-state-incidents.js';

/** Every event type has its handler: a new one that is not folded anywhere does not compile. */
const handlers: EventHandlers<EventType> = { ...lifecycleEvents, ...itemEvents, ...incidentEvents, ...roleEvents };

/**
 * A record keyed by ids from the checklist or the evidence, without a prototype: a section named
 * `constructor` or a run id `toString` must find nothing, not Object's own members.
 */
export function dict<T>(from?: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, from);
}

export function initialState(header: EvidenceHeader): SessionState {
  return {
    header,
    lastSeq: 0,
    lastHash: '',
    startedAt: header.createdAt,
    lastEventAt: header.createdAt,
    roles: dict(),
    passes: dict(),
    items: dict(),
    history: dict(),
    runs: dict(),
    runOrder: [],
    incidents: [],
    decisions: [],
    signoffs: [],
    notes: [],
    firedRules: dict(),
    overrides: [],
    confirmations: [],
    destructive: [],
    exports: [],
    closed: false,
  };
}

/**
 * Applies one event to a state the caller owns. Folding mutates a fresh state in place so that
 * a 10,000-event session folds in linear time; `reduce` is the copying form for UI state.
 */
export function applyEvent(state: SessionState, event: EvidenceEvent): void {
  state.lastSeq = event.seq;
  state.lastHash = event.hash;
  state.lastEventAt = event.ts;
  // The table pairs each type with its own event; TypeScript cannot follow that through an index.
  const handle = handlers[event.type] as ((state: SessionState, event: EvidenceEvent) => void) | undefined;
  handle?.(state, event);
}

/** Copying form of applyEvent, for React state: the previous state is left untouched. */
export function reduce(state: SessionState, event: EvidenceEvent): SessionState {
  const next: SessionState = {
    ...state,
    roles: dict(state.roles),
    passes: dict(state.passes),
    items: dict(state.items),
    history: dict(state.history),
    runs: dict(state.runs),
    runOrder: [...state.runOrder],
    incidents: [...state.incidents],
    decisions: [...state.decisions],
    signoffs: [...state.signoffs],
    notes: [...state.notes],
    firedRules: dict(state.firedRules),
    overrides: [...state.overrides],
    confirmations: [...state.confirmations],
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
