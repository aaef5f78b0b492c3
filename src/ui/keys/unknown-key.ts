// A key that does nothing says so: a silent key reads as a frozen screen over a slow link, and a
// tired operator who pressed q on a screen without it goes on typing into the TUI believing it
// has quit.
import type { KeyEvent } from './key-event.js';
import { actionFor, type Scope } from './keymap.js';

export function unknownKeyText(scope: Scope, event: KeyEvent): string | undefined {
  if (event.name === 'paste') return 'pasted text is not keys: it was ignored (paste into a note or a form field)';
  // Esc is the reflex for "get me out": where it has nothing to close, say where out is.
  if (event.name === 'escape' && !event.ctrl && !event.meta) return 'Esc: nothing to close here (q quits, ? lists the keys)';
  if (event.name || event.ctrl || event.meta || [...event.text].length !== 1 || event.text === ' ') return undefined;
  const lower = event.text.toLowerCase();
  const caps = lower !== event.text && actionFor(scope, { ...event, text: lower }) ? ` (Caps Lock on? ${lower} is a key here)` : '';
  return `${event.text} does nothing here${caps}: ? lists the keys`;
}
