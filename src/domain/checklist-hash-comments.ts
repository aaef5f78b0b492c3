// ` #` starts a YAML comment even in the middle of a value: `title: Announce in #incidents` is the
// title "Announce in", `contact: #sre-oncall` is no contact at all, and in `{ contains: issue #123 }`
// the comment hides the closing brace. A comment whose text starts right after its `#` (`#incidents`,
// `#123`) was most likely meant as part of the value: these find such comments and say how to keep
// them. In `run`, `cwd` and `drill.inject` the shell would read the `#` as a comment too.

import { isScalar, visit, type Document } from 'yaml';

export interface HashComment {
  /** Offset of the `#`. */
  offset: number;
  /** Offset where the value starts (the `#` itself when the value is empty). */
  valueOffset: number;
  /** The key whose value the comment cuts short, or undefined for a list entry. */
  key: string | undefined;
  /** What YAML keeps of the value. */
  kept: string;
  /** The comment's text, from the `#` to the end of the line. */
  comment: string;
  /** The `#` is inside a { } or [ ] that opens on its line, so the comment hides its closing bracket. */
  inFlow: boolean;
}

const SHELL_KEYS = new Set(['run', 'cwd', 'inject']);
// Free text, where `#123` or `#channel` belongs to the value; `kind: gates #comment` is a comment.
const TEXT_KEYS = new Set(['title', 'description', 'text', 'unless', 'contains', 'notContains', 'matches', 'name', 'contact', 'backup', 'url', 'default']);

/** A comment that cut a text value short: worth a warning even when the checklist is valid. */
export function cutsText(comment: HashComment): boolean {
  return comment.key === undefined || TEXT_KEYS.has(comment.key);
}
const KEY = /(?:^|[\s{,])["']?([A-Za-z_$][\w$.-]*)["']?\s*:(?:\s|$)/g;

/** Index of the first ` #x` outside quotes on the line, or -1. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      if (i === 0 || /[\s:,[{-]/.test(line[i - 1] as string)) quote = char;
    } else if (char === '#' && i > 0 && /\s/.test(line[i - 1] as string)) {
      return /[^\s#]/.test(line[i + 1] ?? ' ') ? i : -1;
    }
  }
  return -1;
}

const count = (text: string, chars: RegExp): number => (text.match(chars) ?? []).length;

function hashCommentOn(line: string, lineStart: number): HashComment | undefined {
  // Most lines hold no `#`: this is on the path to the TUI's first frame.
  const hash = line.indexOf('#');
  if (hash <= 0 || line.trimStart().startsWith('#')) return undefined;
  const at = commentStart(line);
  if (at < 0) return undefined;
  const before = line.slice(0, at);
  const key = [...before.matchAll(KEY)].pop();
  const entry = /^\s*-\s/.exec(before);
  if (!key && !entry) return undefined;
  if (key && SHELL_KEYS.has(key[1] as string)) return undefined;
  const valueAt = key ? (key.index as number) + key[0].length : (entry as RegExpExecArray)[0].length;
  const kept = before.slice(valueAt).trim();
  const valueOffset = lineStart + valueAt + (before.slice(valueAt).length - before.slice(valueAt).trimStart().length);
  return {
    offset: lineStart + at,
    valueOffset: kept ? valueOffset : lineStart + at,
    key: key?.[1],
    kept,
    comment: line.slice(at).trimEnd(),
    inFlow: count(before, /[{[]/g) > count(before, /[}\]]/g),
  };
}

/** The ` #x` comments of a parsed document: a `#` inside a value (a `|` block, quotes) is text. */
export function documentHashComments(doc: Document, source: string): HashComment[] {
  const comments = findHashComments(source);
  if (!comments.length) return comments;
  const texts: Array<[number, number]> = [];
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.range) texts.push([node.range[0], node.range[1]]);
    },
  });
  return comments.filter((c) => !texts.some(([start, end]) => c.offset >= start && c.offset < end));
}

export function findHashComments(source: string): HashComment[] {
  const found: HashComment[] = [];
  let start = 0;
  for (const line of source.split('\n')) {
    const comment = hashCommentOn(line.replace(/\r$/, ''), start);
    if (comment) found.push(comment);
    start += line.length + 1;
  }
  return found;
}

const named = (comment: HashComment): string => (comment.key ? `"${comment.key}"` : 'the list entry');

/** For a syntax error: a comment before it that hid the closing bracket of its { } or [ ]. */
export function hiddenBracketHint(source: string, errorOffset: number): { offset: number; message: string } | undefined {
  const comment = findHashComments(source).filter((c) => c.inFlow && c.offset <= errorOffset).pop();
  if (!comment) return undefined;
  return {
    offset: comment.offset,
    message: `"${comment.comment}" is a YAML comment (a # after a space starts one), and it hides the rest of the line, with the closing bracket of its { } or [ ]: put the value of ${named(comment)} in quotes`,
  };
}

/** The warning for a value a comment cut short. */
export function cutShortMessage(comment: HashComment): string {
  const kept = comment.kept ? `is "${comment.kept}"` : 'is empty';
  return `"${comment.comment}" is a YAML comment (a # after a space starts one), so ${named(comment)} ${kept}: put the whole value in quotes to keep it`;
}

/** For an error found on a line: what a comment on that line did to its value. */
export function emptiedValueHint(comment: HashComment): string {
  return ` ("${comment.comment}" on this line is a YAML comment, not the value: put the value in quotes)`;
}
