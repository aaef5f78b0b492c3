// Finds the matches of the combined redaction regex without running it at every position. V8
// cannot skip ahead for an alternation with many first characters, so a plain global scan costs
// several ms per MB. Every match starts with one of a few literal prefixes, so the scan looks for
// those with `indexOf` and tries the regex (sticky) only where one occurs, in order: that gives
// exactly the match the global scan gives (the leftmost, with the same alternative, and
// look-behinds still see the text before it).
//
// `indexOf` finds a string by its first character (memchr), then compares the rest: it is fast
// when that character is rare in the text and slow when it is common (`eyJ` in English text).
// So each prefix is looked for from its rarest character on (`J` of `eyJ`, `BEGIN ` of
// `-----BEGIN `), and the characters before it are checked where it is found.

export interface MatchScanner {
  /** Starts on a new text: positions found in the previous one are forgotten. */
  reset(text: string): void;
  /** The first match starting at or after `from` in the text given to `reset`, like a global `exec`. */
  exec(from: number): RegExpExecArray | null;
}

/** Characters of terminal and log output from the most common to the least; others count as rarest. */
const BY_FREQUENCY =
  ' etaoinsr0123456789:-./,"=_lcdumhpfgTZ\x80\xc3ywbESAIONRLCD{}[]()@\'vkUMPHGFBxWYVKJqQXjz';

function commonness(char: string): number {
  const code = char.charCodeAt(0);
  return BY_FREQUENCY.indexOf(code >= 0x80 ? (code >= 0xc0 ? '\xc3' : '\x80') : char);
}

/** Where in `prefix` its rarest character is (the first of them). */
function rarestAt(prefix: string): number {
  let best = 0;
  for (let i = 1; i < prefix.length; i++) {
    const rank = commonness(prefix[i]!);
    const bestRank = commonness(prefix[best]!);
    if (bestRank !== -1 && (rank === -1 || rank > bestRank)) best = i;
  }
  return best;
}

/** No prefixes: the plain global scan (the reference the prefiltered scan is tested against). */
function plainScanner(regex: RegExp): MatchScanner {
  const global = new RegExp(regex.source, 'g');
  let text = '';
  return {
    reset: (next) => (text = next),
    exec(from) {
      global.lastIndex = from;
      return global.exec(text);
    },
  };
}

const NOT_SEARCHED = -2;

/** `regex` must only match text starting with one of `prefixes`. */
export function createMatchScanner(regex: RegExp, prefixes: readonly string[]): MatchScanner {
  // An empty prefix occurs everywhere: nothing to skip.
  if (prefixes.length === 0 || prefixes.includes('')) return plainScanner(regex);
  const sticky = new RegExp(regex.source, 'y');
  const offsets = prefixes.map(rarestAt);
  const searches = prefixes.map((prefix, k) => prefix.slice(offsets[k]));
  /** Per prefix: where it next occurs at or after the last search (-1: nowhere). */
  const next = new Array<number>(prefixes.length).fill(NOT_SEARCHED);
  let text = '';
  let lastFrom = 0;

  function occurrence(k: number, from: number): number {
    const offset = offsets[k]!;
    for (;;) {
      const found = text.indexOf(searches[k]!, from + offset);
      if (found === -1) return -1;
      const at = found - offset;
      if (offset === 0 || text.startsWith(prefixes[k]!, at)) return at;
      from = at + 1;
    }
  }

  return {
    reset(value) {
      text = value;
      lastFrom = 0;
      next.fill(NOT_SEARCHED);
    },
    exec(from) {
      // The remembered positions hold for searches moving forward only.
      if (from < lastFrom) next.fill(NOT_SEARCHED);
      lastFrom = from;
      for (;;) {
        let candidate = -1;
        for (let k = 0; k < prefixes.length; k++) {
          let at = next[k]!;
          if (at !== -1 && at < from) next[k] = at = occurrence(k, from);
          if (at !== -1 && (candidate === -1 || at < candidate)) candidate = at;
        }
        if (candidate === -1) return null;
        sticky.lastIndex = candidate;
        const match = sticky.exec(text);
        if (match) return match;
        from = candidate + 1;
      }
    },
  };
}
