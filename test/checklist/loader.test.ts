import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { findChecklists, loadChecklist, resolveChecklistRef } from '../../src/services/checklist-loader.js';
import { tempDir } from '../helpers/cli.js';

const TINY = 'id: tiny\ntitle: Tiny\nversion: 2\nsections:\n  - id: s\n    title: S\n    kind: steps\n';

async function failure(promise: Promise<unknown>): Promise<CutoverError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CutoverError);
  return error as CutoverError;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('loadChecklist', () => {
  test('returns the checklist with its absolute path, raw text, sha256 and format', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.yaml'), TINY);
    const loaded = await loadChecklist(join(dir, 'tiny.yaml'));
    expect(loaded.path).toBe(join(dir, 'tiny.yaml'));
    expect(loaded.source).toBe(TINY);
    expect(loaded.format).toBe('yaml');
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.checklist.version).toBe('2');
  });

  test('a missing file or a directory is a usage error (exit 2)', async () => {
    const dir = tempDir();
    const missing = await failure(loadChecklist(join(dir, 'nope.yaml')));
    expect(missing.exitCode).toBe(2);
    expect(missing.message).toBe(`cannot read checklist ${join(dir, 'nope.yaml')}: no such file`);
    mkdirSync(join(dir, 'sub.yaml'));
    expect((await failure(loadChecklist(join(dir, 'sub.yaml')))).message).toMatch(/: is a directory$/);
  });

  test('an invalid checklist is exit 1 with one located line per problem', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{"id": "x", "title": "X", "version": 1, "sections": [], "extra": 1}');
    const error = await failure(loadChecklist(join(dir, 'bad.json')));
    expect(error.exitCode).toBe(1);
    expect(error.message.split('\n').slice(1)).toEqual([
      `${join(dir, 'bad.json')}:1:53 sections: a checklist needs at least one section`,
      `${join(dir, 'bad.json')}:1:57 extra: unknown key "extra" (allowed: $schema, id, title, version, description, owner, variables, roles, links, severity, sections, evidenceTemplate)`,
    ]);
  });
});

describe('finding checklists', () => {
  test('bundled checklists are found from the package, local ones from $CUTOVER_CHECKLISTS', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.yaml'), TINY);
    writeFileSync(join(dir, 'checklist.schema.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'not a checklist');
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'nested', 'deep.yaml'), TINY.replace('tiny', 'deep'));
    vi.stubEnv('CUTOVER_CHECKLISTS', dir);
    const found = await findChecklists();
    const local = found.filter((c) => c.origin === 'local' && c.path.startsWith(dir));
    expect(local).toEqual([{ path: join(dir, 'tiny.yaml'), id: 'tiny', title: 'Tiny', sections: 1, items: 0, origin: 'local' }]);
    expect(found.some((c) => c.origin === 'bundled' && c.path === resolve('checklists/demo.yaml'))).toBe(true);
    expect(await resolveChecklistRef('tiny')).toBe(join(dir, 'tiny.yaml'));
  });

  test('a bare id or file stem resolves to a bundled checklist; a path is kept as given', async () => {
    expect(await resolveChecklistRef('demo')).toBe(resolve('checklists/demo.yaml'));
    expect(await resolveChecklistRef('demo.yaml')).toBe(resolve('checklists/demo.yaml'));
    expect(await resolveChecklistRef('nowhere.yaml')).toBe('nowhere.yaml');
    expect(await resolveChecklistRef('./somewhere/else.yaml')).toBe('./somewhere/else.yaml');
    const error = await failure(resolveChecklistRef('no-such-checklist'));
    expect(error.exitCode).toBe(2);
    expect(error.hint).toMatch(/cutover list/);
  });
});
