// Rewrites zod's issues into one-line messages an operator can act on:
//   unknown key "tiemout" (did you mean "timeout"?) / expected a number, got a string / required.
import type { z } from 'zod';
import type { FieldIssue, PathSegment } from './diagnostic.js';
import { allowedKeys, allowedValues, type SchemaLike } from './schema-keys.js';
import { closest, listOf } from './suggest.js';

type Issue = z.core.$ZodIssue;
export type SourceFormat = 'yaml' | 'json';

/** Keys people write out of habit from other tools, and what this format calls them. */
const SYNONYMS: Record<string, string> = {
  command: 'run', cmd: 'run', script: 'run', shell: 'run', exec: 'run',
  name: 'title', label: 'title', desc: 'description', notes: 'description',
  steps: 'items', checks: 'items', tasks: 'items', type: 'kind',
  severity: 'onFail', role: 'owner', assignee: 'owner', vars: 'variables',
  expected: 'expect', exit_code: 'exitCode', code: 'exitCode', regex: 'matches', output: 'contains',
};

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

function noun(type: string, format: SourceFormat): string {
  const nouns: Record<string, string> = {
    string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false',
    array: 'a list', object: format === 'json' ? 'an object' : 'a mapping (key: value)', null: 'an empty value',
  };
  return nouns[type] ?? type;
}

export function describeValue(value: unknown, format: SourceFormat): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return format === 'json' ? 'an object' : 'a mapping';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)})`;
  if (typeof value === 'number') return `a number (${value})`;
  return String(value);
}

const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized)/;

function suggestedKey(key: string, allowed: string[]): string | undefined {
  if (/^x-/i.test(key)) return undefined;
  // A one-letter slip (`role` for `roles`) beats a synonym from another level (`role` for an item's `owner`).
  const near = closest(key, allowed, 1);
  const synonym = SYNONYMS[key.toLowerCase()];
  return near ?? (synonym && allowed.includes(synonym) ? synonym : closest(key, allowed));
}

function unknownKeyMessage(key: string, allowed: string[]): string {
  if (/^x-/i.test(key)) return `unknown key "${key}" (there are no x- extension keys; to share values, put the &anchor on the first item that uses them and merge it with <<: *anchor)`;
  const suggestion = suggestedKey(key, allowed);
  if (suggestion) return `unknown key "${key}" (did you mean "${suggestion}"?)`;
  return allowed.length ? `unknown key "${key}" (allowed: ${listOf(allowed, 15)})` : `unknown key "${key}"`;
}

/** `fro` (did you mean "for"?) already says what `for: required` would: keep the one that names the typo. */
function withoutRequiredForTypos(issues: FieldIssue[], suggested: Set<string>): FieldIssue[] {
  return issues.filter((issue) => issue.code !== 'required' || !suggested.has(JSON.stringify(issue.path)));
}

/** A union branch that failed only because the value had another type at the union's own path. */
function isTypeMismatch(branch: Issue[]): boolean {
  return branch.length === 1 && branch[0]?.path.length === 0 && branch[0].code === 'invalid_type';
}

export function zodIssuesToFieldIssues(issues: readonly Issue[], data: unknown, root: SchemaLike, format: SourceFormat, prefix: PathSegment[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  const suggested = new Set<string>();
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    const value = valueAt(data, path);
    const error = (message: string, code: string): void => void out.push({ path, message, code, severity: 'error' });
    const custom = !ZOD_DEFAULT.test(issue.message);
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(root, path);
      for (const key of issue.keys) {
        out.push({ path: [...path, key], message: unknownKeyMessage(key, allowed), code: 'unknown-key', severity: 'error', at: 'key' });
        const suggestion = suggestedKey(key, allowed);
        if (suggestion) suggested.add(JSON.stringify([...path, suggestion]));
      }
    } else if (value === undefined && issue.code !== 'custom') {
      const choices = allowedValues(root, path);
      error(choices.length ? `required (one of: ${choices.join(', ')})` : 'required', 'required');
    } else if (issue.code === 'invalid_union') {
      const deeper = issue.errors.filter((branch) => !isTypeMismatch(branch));
      if (deeper.length === 1) out.push(...zodIssuesToFieldIssues(deeper[0] as Issue[], data, root, format, path));
      else {
        const expected = [...new Set(issue.errors.flatMap((b) => b.map((i) => (i.code === 'invalid_type' ? noun(i.expected, format) : []))).flat())];
        error(`expected ${expected.join(' or ') || 'another value'}, got ${describeValue(value, format)}`, 'invalid-type');
      }
    } else if (issue.code === 'invalid_type') {
      const quote = !custom && issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? ' (put it in quotes)' : '';
      const expected = custom ? issue.message : `expected ${noun(issue.expected, format)}`;
      error(`${expected}, got ${describeValue(value, format)}${quote}`, 'invalid-type');
    } else if (issue.code === 'invalid_value') {
      const values = issue.values.map(String);
      const hint = typeof value === 'string' ? closest(value, values) : undefined;
      const suggestion = hint ? ` (did you mean "${hint}"?)` : '';
      error(`expected one of: ${values.join(', ')}, got ${describeValue(value, format)}${suggestion}`, 'invalid-value');
    } else if (issue.code === 'invalid_format') {
      const expected = custom ? issue.message : `expected text matching ${issue.pattern ?? issue.format}`;
      error(`${expected}, got ${describeValue(value, format)}${asciiHint(value)}`, 'invalid-format');
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      error(custom ? issue.message : sizeMessage(issue), issue.code === 'too_small' ? 'too-small' : 'too-big');
    } else {
      error(custom ? issue.message : `invalid value: ${describeValue(value, format)}`, 'invalid');
    }
  }
  return withoutRequiredForTypos(out, suggested);
}

/** Ids are ASCII (they end up in file names and on command lines): suggest the ASCII spelling. */
function asciiHint(value: unknown): string {
  if (typeof value !== 'string' || !/[^\x00-\x7F]/.test(value)) return '';
  const ascii = value.normalize('NFKD').replace(/[^\x00-\x7F]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|-+$/g, '');
  return ascii ? ` (only ASCII letters: "${ascii}"?)` : ' (only ASCII letters and digits)';
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  if (issue.origin === 'string') return small && limit === 1 ? 'must not be empty' : `must be ${small ? 'at least' : 'at most'} ${limit} characters`;
  if (issue.origin === 'array') return small && limit === 1 ? 'must not be empty (needs at least one entry)' : `needs ${small ? 'at least' : 'at most'} ${limit} entries`;
  return `must be ${small ? 'at least' : 'at most'} ${limit}`;
}
