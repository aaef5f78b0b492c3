// Shared by the import tests: import a runbook, serialize it as the CLI does, and read it back
// through the same parser `cutover validate` uses.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import type { Checklist } from '../../src/domain/checklist-schema.js';
import { importRunbook, serializeChecklist, type ImportSummary } from '../../src/domain/import/index.js';
import { repoRoot } from '../helpers/cli.js';

// Copies of ../shared/seeds, so that the tests pass on a clone anywhere.
export const seedsDir = join(repoRoot, 'test', 'fixtures', 'import', 'seeds');
export const fixturesDir = join(repoRoot, 'test', 'fixtures', 'import');
// Short excerpts of public runbooks, each naming its source.
export const publicDir = join(fixturesDir, 'public');

export function seedFile(prefix: string): string {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${seedsDir}`);
  return join(seedsDir, name);
}

export interface Imported {
  checklist: Checklist;
  yaml: string;
  summary: ImportSummary;
}

/** Imports markdown text and returns the checklist as validate would read the YAML back. */
export function importText(markdown: string, source = 'runbook.md'): Imported {
  const { checklist, summary } = importRunbook(markdown, { source });
  const yaml = serializeChecklist(checklist, { format: 'yaml', source, importedAt: new Date('2026-01-01T00:00:00Z') });
  const parsed = parseChecklistText(yaml, 'imported.yaml');
  if (!parsed.ok) throw new Error(`imported checklist does not validate:\n${parsed.diagnostics.map((d) => `${d.line}: ${d.path} ${d.message}`).join('\n')}`);
  return { checklist: parsed.checklist, yaml, summary };
}

export function importFile(path: string): Imported {
  return importText(readFileSync(path, 'utf8'), path.split('/').pop());
}

export const items = (c: Checklist) => c.sections.flatMap((s) => s.items);
export const sectionsOf = (c: Checklist, kind: string) => c.sections.filter((s) => s.kind === kind);
export const itemsOf = (c: Checklist, kind: string) => sectionsOf(c, kind).flatMap((s) => s.items);
export const runs = (c: Checklist) => items(c).flatMap((i) => (i.run ? [i.run] : []));
