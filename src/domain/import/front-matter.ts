// YAML front matter (`---` ... `---` at the very top), TOML front matter (`+++` ... `+++`, Hugo) and "Key: value" metadata lines such as
// `**Version:** 4.0.0` or `- Owner: @team` in a runbook's introduction.
import { isCollection, parseDocument, visit, type Document } from 'yaml';
import { readToml, TOML_BLOCK } from './toml-front-matter.js';

export interface FrontMatter {
  title?: string;
  id?: string;
  version?: string;
  owner?: string;
  description?: string;
  /** Keys with no checklist field, as "key: value" lines, kept in the description. */
  extra: string[];
}

export interface SplitResult {
  frontMatter?: FrontMatter;
  body: string;
  /** Set when the `---` block is not valid YAML (it is then kept, as written, in `extra`). */
  problem?: string;
}

const BLOCK = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => scalar(v)).filter(Boolean).join(', ') || undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim() || undefined;
}

function hasCollectionKey(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Pair(_key, pair) {
      found = isCollection(pair.key);
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

const FIELD_OF: Record<string, keyof Omit<FrontMatter, 'extra'>> = {
  title: 'title', name: 'title', id: 'id', slug: 'id', version: 'version', revision: 'version',
  owner: 'owner', owners: 'owner', author: 'owner', authors: 'owner', maintainer: 'owner', maintainers: 'owner',
  description: 'description', summary: 'description',
};

/** The text after a front matter block, its lines kept blank so that positions still match the file. */
function bodyAfter(text: string, consumed: string): string {
  const newlines = consumed.split('\n').length - (consumed.endsWith('\n') ? 1 : 0);
  return '\n'.repeat(newlines) + text.slice(consumed.length);
}

function fromEntries(entries: Array<[string, unknown]>): FrontMatter {
  const frontMatter: FrontMatter = { extra: [] };
  for (const [key, value] of entries) {
    const field = FIELD_OF[key.toLowerCase()];
    const text_ = scalar(value);
    if (text_ === undefined) continue;
    if (field && frontMatter[field] === undefined) frontMatter[field] = text_;
    else frontMatter.extra.push(`${key}: ${text_}`);
  }
  return frontMatter;
}

export function splitFrontMatter(text: string): SplitResult {
  const toml = TOML_BLOCK.exec(text);
  if (toml) {
    const { entries, skipped } = readToml(toml[1] ?? '');
    const problem = skipped ? `TOML front matter: ${skipped} line(s) not read as \`key = value\` (dropped)` : undefined;
    return { frontMatter: fromEntries(entries), body: bodyAfter(text, toml[0]), ...(problem ? { problem } : {}) };
  }
  const match = BLOCK.exec(text);
  if (!match) return { body: text };
  const body = bodyAfter(text, match[0]);
  // failsafe: every scalar stays the text it was written as (version 1.10 is not 1.1)
  const doc = parseDocument(match[1] ?? '', { schema: 'failsafe' });
  // A list as a key (`[ref]: x`) would make the YAML library warn on stderr while converting.
  let reason = doc.errors[0]?.message ?? (hasCollectionKey(doc) ? 'a list or mapping used as a key' : undefined);
  let data: unknown;
  try {
    if (!reason) data = doc.toJS();
  } catch (error) {
    reason = (error as Error).message; // e.g. an alias bomb
  }
  if (reason) {
    const problem = `front matter is not valid YAML (${reason.split('\n')[0]?.replace(/:$/, '')}); kept as text in the description`;
    return { frontMatter: { extra: [`\`\`\`yaml\n${match[1] ?? ''}\n\`\`\``] }, body, problem };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { body: text };
  return { frontMatter: fromEntries(Object.entries(data as Record<string, unknown>)), body };
}

export interface Metadata {
  version?: string;
  owner?: string;
  date?: string;
}

const META_LINE = /^\s*(?:[-*+]\s+)?([A-Za-z][A-Za-z ]{0,24}?)\s*:\s+(\S.*)$/;
// A two-column "| Owner | DBA team |" row of a page-properties table (Confluence and the like).
const META_ROW = /^\s*\|\s*([A-Za-z][A-Za-z ]{0,24}?)\s*:?\s*\|\s*([^|]*?\S)\s*\|?\s*$/;
const VERSION_KEYS = new Set(['version', 'revision', 'rev', 'document version', 'runbook version']);
const OWNER_KEYS = new Set(['owner', 'owners', 'author', 'authors', 'maintainer', 'maintainers', 'owned by', 'document owner', 'runbook owner', 'service owner', 'owning team']);
const DATE_KEYS = new Set(['date', 'last updated', 'updated', 'last reviewed']);

/** Reads "Key: value" lines of plain intro text (bold markers already stripped). */
export function readMetadata(lines: string[]): Metadata {
  const meta: Metadata = {};
  for (const line of lines) {
    const match = META_LINE.exec(line) ?? META_ROW.exec(line.replace(/\*\*|__/g, ''));
    if (!match) continue;
    const key = (match[1] ?? '').toLowerCase().trim();
    const value = (match[2] ?? '').trim();
    if (VERSION_KEYS.has(key)) meta.version ??= value;
    else if (OWNER_KEYS.has(key)) meta.owner ??= value;
    else if (DATE_KEYS.has(key)) meta.date ??= value;
  }
  return meta;
}
