// The common case without the YAML parser: a valid checklist written as JSON (a .json file, or
// JSON in a .yaml file, which YAML reads the same). Gives the checklist, or undefined whenever
// anything is unusual: YAML proper, any problem at all, or text that YAML could read differently
// from JSON. The caller then runs the full parse (checklist-parse.ts), which locates every
// problem, so no message ever comes from this path.
import { controlCharacterIssues } from './checklist-control-chars.js';
import { checkReferences } from './checklist-refs.js';
import { ChecklistBase, type Checklist } from './checklist-schema.js';
import { findNonText } from './text-checks.js';
import type { SourceFormat } from './zod-issues.js';

export function formatOf(file: string): SourceFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/**
 * Where YAML and JSON part ways on JSON text: tabs (not YAML indentation), CR and the line breaks
 * of YAML 1.1, merge keys. (`version: 1.10`, which YAML keeps as written, is checked on the value.)
 */
const YAML_DOUBTS = /[\t\r\u0085\u2028\u2029]|"<<"/;

/** Every string token of valid JSON, in order; a key is one followed by a colon. */
const STRING_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"\s*(:)?/g;

function keysInText(json: string): number {
  let keys = 0;
  STRING_TOKEN.lastIndex = 0;
  for (let match = STRING_TOKEN.exec(json); match; match = STRING_TOKEN.exec(json)) if (match[1]) keys++;
  return keys;
}

/** Iterative: JSON.parse reads nesting far deeper than a recursive walk could count. */
function keysInValue(value: unknown): number {
  let keys = 0;
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    const members = Array.isArray(next) ? next : Object.values(next);
    if (!Array.isArray(next)) keys += members.length;
    for (const member of members) pending.push(member);
  }
  return keys;
}

export function quickParseChecklist(text: string, file: string): Checklist | undefined {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const format = formatOf(file);
  if (!/^\s*\{/.test(source) || findNonText(source)) return undefined;
  if (format === 'yaml' && YAML_DOUBTS.test(source)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (format === 'yaml' && typeof (data as { version?: unknown }).version === 'number') return undefined;
  // JSON.parse keeps the last of duplicate keys; the full parse reports them.
  if (keysInValue(data) !== keysInText(source)) return undefined;
  const parsed = ChecklistBase.safeParse(data);
  if (!parsed.success || checkReferences(parsed.data).length > 0 || controlCharacterIssues(parsed.data).length > 0) return undefined;
  return parsed.data;
}
