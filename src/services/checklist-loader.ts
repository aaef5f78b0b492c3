// Reads checklist files from disk and finds the bundled and local ones. Parsing and validation
// are pure (src/domain/checklist-parse.ts); this module only adds the file system.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, delimiter, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '../domain/checklist-parse.js';
import { formatOf, quickParseChecklist } from '../domain/checklist-quick.js';
import type { Checklist } from '../domain/checklist-schema.js';
import { formatDiagnostic, isMisreadWarning } from '../domain/diagnostic.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import { shellWord } from '../domain/command-template.js';
import { plural } from '../domain/plural.js';
import { readInputFile } from './bounded-read.js';
import { fileErrorReason } from './file-errors.js';
import { checklistParser } from './checklist-parser.js';

export interface ChecklistFile {
  path: string;
  displayPath: string;
  source: string;
  sha256: string;
  format: 'yaml' | 'json';
}

export interface LoadedChecklist extends ChecklistFile {
  checklist: Checklist;
  /** How many of `validate`'s warnings say the file may be misread (isMisreadWarning), when the full parse ran (it does for YAML); undefined after the JSON fast path. */
  warnings?: number;
}

const MAX_BYTES = 5 * 1024 * 1024;
const SHOWN_ERRORS = 20;
const CHECKLIST_FILE = /\.(ya?ml|json)$/i;
const NOT_CHECKLISTS = new Set(['checklist.schema.json']);

/** The path as the user should see it: relative when under the working directory. */
export function displayPathOf(path: string): string {
  const absolute = resolve(path);
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

/** Reads the raw file; throws a usage error (exit 2) when it is missing, a directory or unreadable. */
export async function readChecklistFile(path: string): Promise<ChecklistFile> {
  const absolute = resolve(path);
  const displayPath = displayPathOf(path);
  const bytes = await readInputFile(absolute, displayPath, { noun: 'checklist', max: MAX_BYTES });
  return {
    path: absolute,
    displayPath,
    source: bytes.toString('utf8'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: formatOf(absolute),
  };
}

/**
 * The full parse, with every problem and warning located. Loaded on demand: the YAML parser is a
 * large part of starting a run, and a valid JSON checklist does not need it (see loadChecklist).
 */
export async function parseChecklistFile(file: ChecklistFile): Promise<ParseResult> {
  const { parseChecklistText } = await checklistParser();
  return parseChecklistText(file.source, file.displayPath);
}

/** Reads and validates a checklist; an invalid one is a CutoverError listing its problems. */
export async function loadChecklist(path: string): Promise<LoadedChecklist> {
  const file = await readChecklistFile(path);
  const quick = quickParseChecklist(file.source, file.displayPath);
  if (quick) return { ...file, checklist: quick };
  const result = await parseChecklistFile(file);
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const shown = errors.slice(0, SHOWN_ERRORS).map(formatDiagnostic);
    const more = errors.length - shown.length;
    const hint = more > 0 ? `${plural(more, 'more problem')}: run \`cutover validate ${shellWord(file.displayPath)}\`` : undefined;
    throw new CutoverError(`invalid checklist ${file.displayPath}:\n${shown.join('\n')}`, EXIT.failed, hint);
  }
  return { ...file, checklist: result.checklist, warnings: result.diagnostics.filter(isMisreadWarning).length };
}

/** The directory holding package.json, found from this module (src/services or dist/chunks). */
function packageDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function bundledChecklistDir(): string | undefined {
  const pkg = packageDir();
  return pkg ? join(pkg, 'checklists') : undefined;
}

function envChecklistDirs(): string[] {
  return (process.env.CUTOVER_CHECKLISTS ?? '').split(delimiter).filter(Boolean);
}

function localChecklistDirs(): string[] {
  return [resolve('checklists'), ...envChecklistDirs().map((dir) => resolve(dir))];
}

/** Entries of $CUTOVER_CHECKLISTS that are not readable directories, as one line each. */
export async function checklistDirProblems(): Promise<string[]> {
  const problems: string[] = [];
  for (const dir of envChecklistDirs()) {
    const info = await stat(dir).catch((error: unknown) => fileErrorReason(error));
    const problem = typeof info === 'string' ? info : info.isDirectory() ? undefined : 'not a directory';
    if (problem) problems.push(`CUTOVER_CHECKLISTS: ${dir}: ${problem}`);
  }
  return problems;
}

export interface FoundChecklist {
  path: string;
  id: string;
  title: string;
  sections: number;
  items: number;
  origin: 'bundled' | 'local';
  error?: string;
}

export async function checklistFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const named = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && CHECKLIST_FILE.test(e.name) && !NOT_CHECKLISTS.has(e.name))
    .map((e) => join(dir, e.name))
    .sort();
  // A link to a pipe or a device would block the listing; a broken link is still shown (as unreadable).
  const kept = await Promise.all(named.map((path) => stat(path).then((info) => info.isFile(), () => true)));
  return named.filter((_, i) => kept[i]);
}

async function describeFile(path: string, origin: FoundChecklist['origin']): Promise<FoundChecklist> {
  const stem = basename(path, extname(path));
  try {
    const result = await parseChecklistFile(await readChecklistFile(path));
    if (!result.ok) {
      const first = result.diagnostics[0];
      return { path, id: stem, title: '', sections: 0, items: 0, origin, error: first ? formatDiagnostic(first) : 'invalid' };
    }
    const { checklist } = result;
    const items = checklist.sections.reduce((sum, s) => sum + s.items.length, 0);
    return { path, id: checklist.id, title: checklist.title, sections: checklist.sections.length, items, origin };
  } catch (error) {
    return { path, id: stem, title: '', sections: 0, items: 0, origin, error: (error as Error).message };
  }
}

/** Bundled checklists first, then local ones (./checklists and $CUTOVER_CHECKLISTS), each once. */
export async function findChecklists(): Promise<FoundChecklist[]> {
  const bundled = bundledChecklistDir();
  const dirs: Array<[string, FoundChecklist['origin']]> = [
    ...(bundled ? [[bundled, 'bundled'] as [string, 'bundled']] : []),
    ...localChecklistDirs().map((dir) => [dir, 'local'] as [string, 'local']),
  ];
  const seen = new Set<string>();
  const found: FoundChecklist[] = [];
  for (const [dir, origin] of dirs) {
    for (const path of await checklistFilesIn(dir)) {
      if (seen.has(path)) continue;
      seen.add(path);
      found.push(await describeFile(path, origin));
    }
  }
  return found;
}

/** A path to a checklist file, or a bare checklist id / file name such as `demo` or `demo.yaml`. */
export async function resolveChecklistRef(ref: string): Promise<string> {
  // Anything at that path (even a broken link or a directory) is the user's file: reading it says what is wrong.
  const exists = await lstat(ref).then(() => true, () => false);
  if (exists || /[\\/]/.test(ref)) return ref;
  const found = await findChecklists();
  const ordered = [...found.filter((c) => c.origin === 'local'), ...found.filter((c) => c.origin === 'bundled')];
  const match =
    ordered.find((c) => !c.error && c.id === ref) ??
    ordered.find((c) => basename(c.path) === ref || basename(c.path, extname(c.path)) === ref);
  if (match) return match.path;
  if (CHECKLIST_FILE.test(ref)) return ref; // reported by loadChecklist as "no such file"
  throw new CutoverError(`no checklist file or checklist id "${ref}"`, EXIT.usage, 'run `cutover list` to see the available checklists, or give a path');
}
