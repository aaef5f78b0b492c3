// Finds the matches of the combined redaction regex without running it at every position. V8
// cannot skip ahead for an alternation with many first characters, so a plain global scan costs
// several ms per MB; `indexOf` of literal prefixes is about ten times cheaper. Every match of the
// regex starts with one of `prefixes`, so trying the regex (sticky) only where a prefix occurs, in
// order, gives exactly the match the global scan gives: the leftmost, with the same alternative,
// and look-behinds still see the text before it.

export interface MatchScanner {
  /** Starts on a new text: positions found in the previous one are forgotten. */
  reset(text: string): void;
  /** The first match starting at or after `from` in the text given to `reset`, like a global `exec`. */
  exec(from: number): RegExpExecArray | null;
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

/** `regex` must only match text starting with one of `prefixes` (none of them empty). */
export function createMatchScanner(regex: RegExp, prefixes: readonly string[]): MatchScanner {
  if (prefixes.length === 0) return plainScanner(regex);
  const sticky = new RegExp(regex.source, 'y');
  /** Per prefix: where it next occurs at or after the last search (-1: nowhere). */
  const next = new Array<number>(prefixes.length).fill(NOT_SEARCHED);
  let text = '';
  let lastFrom = 0;
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
          if (at !== -1 && at < from) next[k] = at = text.indexOf(prefixes[k]!, from);
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
