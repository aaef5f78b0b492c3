// A key written twice in an evidence file's top-level object or in its header: JSON.parse keeps
// only the last one, so a second "events" list (or a second "ticket") would hide the first from
// every reader while the file still parses. cutover never writes one: it is an edit.

export interface DuplicateKey {
  where: 'top level' | 'header';
  key: string;
}

const BACKSLASH = 92;

/** Index of the quote closing the string that opens at `start`, or -1 if it never closes. */
function stringEnd(text: string, start: number): number {
  for (let from = start + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** A string followed by `:` (after any JSON whitespace) is a key. */
function isKey(text: string, afterString: number): boolean {
  let i = afterString;
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  return text.charCodeAt(i) === 58;
}

function keyText(raw: string): string | undefined {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

/**
 * The first key that occurs twice in the top-level object of `text` or in the object under its
 * "header" key; keys deeper down are not looked at (the hash chain covers each event). One pass
 * that jumps from string to string with indexOf, counting only the brackets between strings
 * (10,000 events: ~10-25 ms). Text that is not JSON ends the scan without a finding (other checks
 * say what is wrong with it).
 */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const top = new Set<string>();
  const header = new Set<string>();
  let depth = 0;
  let inHeader = false;
  let lastTopKey = '';
  for (let from = 0; ; ) {
    const quote = text.indexOf('"', from);
    const stop = quote < 0 ? text.length : quote;
    for (let i = from; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 123 || c === 91) {
        depth++;
        if (depth === 2) inHeader = c === 123 && lastTopKey === 'header';
      } else if (c === 125 || c === 93) {
        depth--;
        if (depth <= 0) return undefined; // the top-level object is closed: what follows is no key of it
        if (depth === 1) inHeader = false;
      }
    }
    const end = quote < 0 ? -1 : stringEnd(text, quote);
    if (end < 0) return undefined;
    if ((depth === 1 || (depth === 2 && inHeader)) && isKey(text, end + 1)) {
      const key = keyText(text.slice(quote, end + 1));
      if (key === undefined) return undefined;
      const keys = depth === 1 ? top : header;
      if (keys.has(key)) return { where: depth === 1 ? 'top level' : 'header', key };
      keys.add(key);
      if (depth === 1) lastTopKey = key;
    }
    from = end + 1;
  }
}
