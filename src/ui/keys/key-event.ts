// Turns Ink's (input, key) pair into one normalized event per keypress. A chunk of several
// characters (keys batched by a slow SSH link) becomes one event per character, so that "jj"
// moves twice and "ok\r" types "ok" then presses Enter. A bracketed paste is one `paste` event
// instead (bracketed-paste.ts).
import type { Key } from 'ink';

export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backtab'
  | 'backspace'
  | 'delete'
  /** Text pasted in one piece (bracketed paste): `text` holds all of it, on one line. */
  | 'paste';

export interface KeyEvent {
  /** A special key, when it is one. */
  name?: KeyName;
  /** The printable character typed, or the letter of a Ctrl combination; '' for special keys. */
  text: string;
  ctrl: boolean;
  meta: boolean;
  /**
   * Esc and the key after it, read together: what Ink reports as Alt-key. Text that is being
   * typed ignores both, so an Alt-b out of habit does not cancel a half-written note.
   */
  glued?: boolean;
}

const plain = (text: string): KeyEvent => ({ text, ctrl: false, meta: false });
const named = (name: KeyName): KeyEvent => ({ name, text: '', ctrl: false, meta: false });

function specialName(key: Key): KeyName | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'backtab' : 'tab';
  // Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  return undefined;
}

function charEvent(ch: string): KeyEvent | undefined {
  if (ch === '\r' || ch === '\n') return named('return');
  if (ch === '\t') return named('tab');
  if (ch === '\x7f' || ch === '\b') return named('backspace');
  if (ch === '\x1b') return named('escape');
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 1 && code <= 26) return { text: String.fromCharCode(code + 96), ctrl: true, meta: false };
  if (code < 32) return undefined;
  return plain(ch);
}

// Esc and the key pressed right after it reach us in one read ("\x1bq"), which Ink reports as
// Alt-q. No key of the TUI is an Alt combination: it is Esc, then the key (Esc q: back, then quit).
function escapeThen(ch: string): KeyEvent[] {
  const next = charEvent(ch);
  return [named('escape'), ...(next ? [next] : [])].map((event) => ({ ...event, glued: true }));
}

export function toKeyEvents(input: string, key: Key): KeyEvent[] {
  const name = specialName(key);
  if (name) return [{ name, text: '', ctrl: key.ctrl, meta: key.meta && name !== 'escape' }];
  if (key.ctrl && input.length === 1) return [{ text: input.toLowerCase(), ctrl: true, meta: false }];
  if (input.length === 0) return [];
  if (key.meta && [...input].length === 1) return escapeThen(input);
  if (input.length === 1 || key.meta) return [{ text: input, ctrl: false, meta: key.meta }];
  const events: KeyEvent[] = [];
  for (const ch of input) {
    const event = charEvent(ch);
    if (event) events.push(event);
  }
  return events;
}

export const isCtrlC = (event: KeyEvent): boolean => event.ctrl && event.text === 'c';
