// Streaming redaction: chunks in, redacted text out, with a carry so that a secret split across
// chunk boundaries is still caught. Output is cut after the last newline (no token spans lines),
// so stdout and stderr interleave in the log by whole lines. A line longer than MAX_HOLD is cut
// anyway, outside any token. A PEM private key is swallowed from BEGIN to END across chunks.
import { createMatchScanner } from './redaction-scan.js';
import { PRIVATE_KEY_END } from './secret-patterns.js';

export interface RedactionStream {
  push(chunk: string): string;
  /** Emits everything held back; the stream can still be pushed to afterwards. */
  flush(): string;
  /**
   * For output gone quiet mid-line (a prompt, a progress line): emits what is held back except a
   * tail that may be the start of a secret still being written (`ghp_abc…`, `Bearer `), which a
   * flush would let out half-redacted. The end of the output still needs a flush.
   */
  release(): string;
  readonly count: number;
  /** Characters held back waiting for the rest of a line. */
  readonly pending: number;
  /**
   * Whether the last push or flush returned the start of its input (what was carried + the chunk)
   * unchanged: a caller holding the same text as bytes can write its own bytes instead.
   */
  readonly verbatim: boolean;
  /** How many characters at the end of the input the last push or flush carried over. */
  readonly carried: number;
}

export interface CompiledRules {
  /** Global regex: one capture group per rule, literals first (longest first). */
  regex: RegExp;
  /** Every match of `regex` starts with one of these; empty: scan with the plain regex. */
  prefixes: readonly string[];
  /** Per capture group (index 0 = group 1): how to replace its match; null keeps the text. */
  replacers: Array<(match: string) => string | null>;
  /** Capture group number of the PEM BEGIN rule. */
  pemGroup: number;
  /** Longest literal secret: a forced cut holds back at least this much. */
  longestLiteral: number;
  /** Longest literal secret containing a newline (0 if none): even line cuts hold this back. */
  longestMultiline: number;
}

const MAX_HOLD = 64 * 1024;
const MIN_HOLD = 1024;
/** An unbroken run of token characters longer than this is not a token we know. */
const MAX_TOKEN_RUN = 16 * 1024;
const MAX_PEM_LINE = 8 * 1024;
const PEM_BODY_LINE = /^[ \t]*(?:[A-Za-z0-9+/=]*|(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset|MessageID): .*)[ \t\r]*$/;
const TOKEN_CHAR = /[A-Za-z0-9._~+/=-]/;

export function createRedactionStream(rules: CompiledRules): RedactionStream {
  let carry = '';
  /** Redacted output held back with the carry: the start of a line whose key block is still open. */
  let held = '';
  let count = 0;
  let verbatim = true;
  let inPem = false;
  /** In a PEM block, whether the carry starts at a line start (the BEGIN line's rest is never checked). */
  let pemAtLineStart = false;
  const hold = Math.max(MIN_HOLD, rules.longestLiteral);
  const scanner = createMatchScanner(rules.regex, rules.prefixes);

  function forcedCut(buf: string, pos: number): number {
    const target = buf.length - hold;
    let cut = target;
    const floor = Math.max(pos, target - MAX_TOKEN_RUN);
    while (cut > floor && TOKEN_CHAR.test(buf[cut - 1] ?? '')) cut--;
    if (cut <= pos || cut === target - MAX_TOKEN_RUN) cut = target;
    const code = buf.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    return Math.max(cut, pos);
  }

  function cutPoint(buf: string, pos: number): number {
    let cut = Math.max(pos, buf.lastIndexOf('\n') + 1);
    if (rules.longestMultiline > 0) cut = Math.max(pos, Math.min(cut, buf.length - rules.longestMultiline + 1));
    return buf.length - cut > MAX_HOLD ? forcedCut(buf, pos) : cut;
  }

  /**
   * Swallows a PEM body from pos: returns where normal text resumes (the newline before the first
   * line that cannot belong to a key, or just after END), or what to carry while still inside.
   */
  function consumePem(buf: string, pos: number, final: boolean): { resume: number } | { keep: number } {
    PRIVATE_KEY_END.lastIndex = pos;
    const end = PRIVATE_KEY_END.exec(buf);
    const limit = end ? end.index : buf.length;
    let lineStart = pos;
    let checkLine = pemAtLineStart;
    while (lineStart <= limit) {
      const newline = buf.indexOf('\n', lineStart);
      const complete = newline !== -1 && newline < limit;
      if (!complete && !end && !final) break;
      const line = buf.slice(lineStart, complete ? newline : limit);
      if (checkLine && !PEM_BODY_LINE.test(line)) return { resume: lineStart > pos ? lineStart - 1 : lineStart };
      if (!complete) break;
      lineStart = newline + 1;
      checkLine = true;
    }
    if (end) return { resume: end.index + end[0].length };
    // Still inside the block: swallow what is held (all of it on a flush) and stay in it. The
    // carry starts at the last newline, so that the line after the block keeps its line break.
    if (final) {
      pemAtLineStart = lineStart === buf.length;
      return { keep: buf.length };
    }
    if (buf.length - lineStart > MAX_PEM_LINE) {
      pemAtLineStart = false;
      return { keep: buf.length - 64 };
    }
    if (lineStart > pos) pemAtLineStart = true;
    return { keep: lineStart > pos ? lineStart - 1 : pos };
  }

  function replacement(match: RegExpExecArray): { text: string | null; pem: boolean } {
    for (let group = 1; group < match.length; group++) {
      if (match[group] === undefined) continue;
      const replace = rules.replacers[group - 1];
      return { text: replace ? replace(match[0]) : null, pem: group === rules.pemGroup };
    }
    return { text: null, pem: false };
  }

  /**
   * Where a match may start that the text so far cannot complete: the first place, in the part
   * after the last line break, where a rule prefix occurs (or the text ends with two or more of its
   * first characters) and the regex there does not match, or matches up to the end (a token may go on).
   */
  function unfinishedMatchStart(buf: string, pos: number): number {
    const from = Math.max(pos, buf.lastIndexOf('\n') + 1);
    if (rules.prefixes.length === 0) return from; // no prefilter: hold the whole unfinished line
    const sticky = new RegExp(rules.regex.source, 'y');
    const open = (at: number): boolean => {
      sticky.lastIndex = at;
      const match = sticky.exec(buf);
      return match === null || at + match[0].length >= buf.length;
    };
    let start = buf.length;
    for (const prefix of rules.prefixes) {
      for (let at = buf.indexOf(prefix, from); at !== -1 && at < start; at = buf.indexOf(prefix, at + 1)) {
        if (open(at)) start = at;
      }
      // A single trailing character (`e` of `eyJ`) is not held: a progress line would lose its last letter.
      for (let k = Math.min(prefix.length - 1, buf.length - from); k > 1; k--) {
        if (buf.endsWith(prefix.slice(0, k))) start = Math.min(start, buf.length - k);
      }
    }
    return start;
  }

  function process(buf: string, final: boolean, release = false): string {
    verbatim = held.length === 0 && !inPem;
    let out = held;
    held = '';
    let pos = 0;
    scanner.reset(buf);
    for (;;) {
      if (inPem) {
        const step = consumePem(buf, pos, final);
        if ('keep' in step) {
          carry = buf.slice(step.keep);
          if (final) return out;
          // The line with the marker is finished when the block ends: hold it, so that lines of
          // the other stream are not written into the middle of it meanwhile.
          const complete = out.lastIndexOf('\n') + 1;
          held = out.slice(complete);
          return out.slice(0, complete);
        }
        pos = step.resume;
        inPem = false;
      }
      let cut = final ? buf.length : release ? unfinishedMatchStart(buf, pos) : cutPoint(buf, pos);
      let match: RegExpExecArray | null;
      let from = pos;
      while ((match = scanner.exec(from)) !== null && match.index < cut) {
        const end = match.index + match[0].length;
        if (end > cut) {
          cut = match.index;
          break;
        }
        from = end;
        const { text, pem } = replacement(match);
        if (text === null) continue;
        verbatim = false;
        out += buf.slice(pos, match.index) + text;
        count++;
        pos = end;
        if (pem) {
          inPem = true;
          pemAtLineStart = false;
          break;
        }
      }
      if (inPem) continue;
      out += buf.slice(pos, cut);
      carry = buf.slice(cut);
      return out;
    }
  }

  return {
    push: (chunk) => process(carry + chunk, false),
    flush: () => {
      const rest = carry;
      carry = '';
      return process(rest, true);
    },
    release: () => {
      const rest = carry;
      carry = '';
      return process(rest, false, true);
    },
    get count() {
      return count;
    },
    get pending() {
      return carry.length + held.length;
    },
    get verbatim() {
      return verbatim;
    },
    get carried() {
      return carry.length;
    },
  };
}
