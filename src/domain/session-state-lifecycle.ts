// The reducer's cases for the session as a whole: started, resumed, T0, closed, and what the
// operator records along the way that belongs to no item's result (notes, the cursor, exports).
import { closeOpenSoaks } from './session-state-items.js';
import type { EventHandlers } from './session-state-types.js';

type LifecycleEventType = 'session.started' | 'session.resumed' | 't0.marked' | 'note.added' | 'cursor.moved' | 'exported' | 'session.closed' | 'session.left';

export const lifecycleEvents: EventHandlers<LifecycleEventType> = {
  'session.started': (state, event) => {
    state.startedAt = event.ts;
  },
  'session.resumed': (state, event) => {
    state.closed = false;
    state.lastResume = { seq: event.seq, at: event.ts };
    closeOpenSoaks(state, event.ts);
  },
  't0.marked': (state, event) => {
    state.t0 = event.at;
  },
  'note.added': (state, event) => {
    state.notes.push({ section: event.section, item: event.item, text: event.text, at: event.ts, by: event.by });
  },
  'cursor.moved': (state, event) => {
    state.cursor = { section: event.section, item: event.item };
  },
  'exported': (state, event) => {
    state.exports.push({ path: event.path, format: event.format, at: event.ts });
  },
  'session.closed': (state) => {
    state.closed = true;
  },
  // Nothing to fold: the session stays open; previousEnding() reads it at the next resume.
  'session.left': () => undefined,
};
