// The reducer's cases for who is on the cutover: roles filled and sign-offs given.
import type { EventHandlers } from './session-state-types.js';

export const roleEvents: EventHandlers<'role.assigned' | 'signoff.recorded'> = {
  'role.assigned': (state, event) => {
    state.roles[event.role] = { name: event.name, contact: event.contact, backup: event.backup, tbd: event.tbd, at: event.ts };
  },
  'signoff.recorded': (state, event) => {
    state.signoffs.push({ role: event.role, name: event.name, item: event.item, note: event.note, at: event.ts });
  },
};
