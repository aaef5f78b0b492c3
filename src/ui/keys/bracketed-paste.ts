// Bracketed paste. Asked to (ESC[?2004h), a terminal wraps pasted text in ESC[200~ … ESC[201~.
// Without it a paste is typed key by key: "restarted pod\nran smoke" pasted into a note records
// "restarted pod" at the first newline, and the rest lands on the checklist as keys (r runs the
// selected item). Ink hands the markers over as "[200~" and "[201~" (the ESC stripped) and the
// text between them as ordinary input; the collector turns all of it into one `paste` event.
import type { Key } from 'ink';
import type { KeyEvent } from './key-event.js';

export const PASTE_MODE_ON = '\u001B[?2004h';
export const PASTE_MODE_OFF = '\u001B[?2004l';

const PASTE_START = '[200~';
const PASTE_END = '[201~';
/** More than any note; the rest of a runaway paste is dropped, not typed. */
const MAX_PASTE_CHARS = 16 * 1024;

/** One line for a one-line field: line breaks and tabs become spaces, other control characters go. */
export function pastedText(raw: string): string {
  return raw
    .replace(/[\r\n]+$/, '')
    .replace(/\r\n|[\r\n\t]/g, ' ')
    .replace(/[\u0000-\u001F\u007F]/g, '');
}

export class PasteCollector {
  private buffer: string | undefined;

  get pasting(): boolean {
    return this.buffer !== undefined;
  }

  /** The events for this input while a paste is open or starts with it; undefined for ordinary keys. */
  take(input: string, key: Key): KeyEvent[] | undefined {
    if (this.buffer === undefined) {
      if (input !== PASTE_START) return undefined;
      this.buffer = '';
      return [];
    }
    if (input === PASTE_END) return this.end();
    const text = key.return ? '\n' : key.tab ? '\t' : input;
    if (this.buffer.length < MAX_PASTE_CHARS) this.buffer = (this.buffer + text).slice(0, MAX_PASTE_CHARS);
    return [];
  }

  /** Ends an open paste (also when its end marker never came): one `paste` event, if it held text. */
  end(): KeyEvent[] {
    const text = pastedText(this.buffer ?? '');
    this.buffer = undefined;
    return text ? [{ name: 'paste', text, ctrl: false, meta: false }] : [];
  }
}
