// The YAML parser's errors in the author's terms, and YAML saved under a .json name.
import type { YAMLError } from 'yaml';
import { indentationProblem } from './checklist-indentation.js';
import { unquotedPlaceholder } from './checklist-placeholder-quotes.js';
import { hiddenBracketHint } from './checklist-hash-comments.js';

export const YAML_IN_JSON_HINT = ' (this looks like YAML: a .json file is read as JSON, so name it .yaml)';

/** JSON starts with { or [; a file opening with a comment or a `key:` line was written as YAML. */
export function looksLikeYaml(source: string): boolean {
  return /^\s*(?:#|---|[A-Za-z_$][\w$-]*\s*:)/.test(source);
}

/** The YAML error in the author's terms: an unquoted {{placeholder}}, or which line is out of line. */
export function yamlHint(source: string, error: YAMLError): { offset: number; message: string; code: string } | undefined {
  const quotes = unquotedPlaceholder(source, error.pos[0]);
  if (quotes) return { ...quotes, code: 'yaml-syntax' };
  const comment = hiddenBracketHint(source, error.pos[0]);
  if (comment) return { ...comment, code: 'yaml-syntax' };
  const tab = error.code === 'TAB_AS_INDENT' ? tabIndent(source, error.pos[0]) : undefined;
  if (tab) return { ...tab, code: 'yaml-syntax' };
  const after = error.code === 'UNEXPECTED_TOKEN' ? textAfterClosing(source, error.pos[0]) : undefined;
  if (after) return { ...after, code: 'yaml-syntax' };
  const indentation = isIndentationError(error) ? indentationProblem(source, error.pos[0], error.code) : undefined;
  return indentation && { ...indentation, code: 'yaml-indentation' };
}

function isIndentationError(error: YAMLError): boolean {
  if (error.code === 'MISSING_CHAR') return /without - indicator/.test(error.message);
  return error.code === 'BAD_INDENT' || error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY';
}

/** The line that holds `offset`: where it starts, and its text. */
function lineAt(source: string, offset: number): { start: number; text: string } {
  const start = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = source.indexOf('\n', start);
  return { start, text: source.slice(start, end === -1 ? undefined : end) };
}

const CLOSERS: Record<string, string> = { '"': 'closing quote', "'": 'closing quote', ']': 'closing ]', '}': 'closing }' };

/** `run: "{{dir}}"/check`: a value quoted (or bracketed) only in part, and text after its end. */
function textAfterClosing(source: string, offset: number): { offset: number; message: string } | undefined {
  const line = lineAt(source, offset);
  const before = line.text.slice(0, offset - line.start).replace(/\s+$/, '');
  const closer = CLOSERS[before.slice(-1)];
  if (!closer) return undefined;
  const key = [...before.matchAll(/([A-Za-z_$][\w$.-]*)["']?\s*:\s/g)].pop()?.[1];
  const which = key ? `the value of "${key}"` : 'this value';
  const fix = closer === 'closing quote' ? 'put the whole value in one pair of quotes' : 'quote the whole value if it is text';
  return { offset, message: `text after the ${closer} of ${which}: ${fix}` };
}

/** A tab before a key: name the key, since the error has no field path of its own. */
function tabIndent(source: string, offset: number): { offset: number; message: string } | undefined {
  const line = lineAt(source, offset);
  const key = /^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_$][\w$.-]*)["']?[ \t]*:/.exec(line.text)?.[1];
  if (!key) return undefined;
  return { offset: line.start, message: `a tab is used for indentation before "${key}"; YAML needs spaces: replace the tab with spaces` };
}
