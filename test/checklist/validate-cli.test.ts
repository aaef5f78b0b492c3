// `cutover validate`, `list` and `schema` through the built CLI.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const bundled = readdirSync('checklists')
  .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'checklist.schema.json')
  .map((name) => `checklists/${name}`);

const VALID = `id: tiny
title: Tiny
version: 1
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - id: wipe
        title: Wipe the cache
        run: rm -rf /var/cache/app
`;

describe('cutover validate', () => {
  test('every bundled checklist validates', () => {
    expect(bundled.length).toBeGreaterThan(0);
    const { code, stdout, stderr } = runCli(['validate', ...bundled]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const file of bundled) expect(stdout).toMatch(new RegExp(`✓ ${file} \\([^,]+, \\d+ sections?, \\d+ items?\\)`));
  });

  test('bundled YAML checklists reference the JSON Schema for editors', () => {
    for (const file of bundled.filter((f) => f.endsWith('.yaml'))) {
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toBe('# yaml-language-server: $schema=./checklist.schema.json');
    }
  });

  test('warnings are printed with their location but the exit code stays 0', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.yaml'), VALID);
    const { code, stdout } = runCli(['validate', 'tiny.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('✓ tiny.yaml (tiny, 1 section, 1 item)');
    expect(stdout).toContain('tiny.yaml:11:14 warning sections[0].items[0].run: looks destructive (rm -rf)');
    expect(stdout).toContain('tiny.yaml:11:14 warning sections[0].items[0].run: runs a command but has no expect');
  });

  test('--json gives one object with errors and warnings per file; exit 1 when a file is invalid, 2 when one is missing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.yaml'), VALID);
    writeFileSync(join(dir, 'bad.yaml'), VALID.replace('kind: smoke', 'kind: smok'));
    expect(runCli(['validate', '--json', 'tiny.yaml', 'bad.yaml'], { cwd: dir }).code).toBe(1);
    const { code, stdout } = runCli(['validate', '--json', 'tiny.yaml', 'bad.yaml', 'missing.yaml'], { cwd: dir });
    expect(code).toBe(2);
    const out = JSON.parse(stdout);
    expect(out.ok).toBe(false);
    expect(out.files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([['tiny.yaml', true], ['bad.yaml', false], ['missing.yaml', false]]);
    const [tiny, bad, missing] = out.files;
    expect(tiny.errors).toEqual([]);
    expect(tiny.warnings.map((w: { code: string }) => w.code).sort()).toEqual(['destructive-unmarked', 'no-expect']);
    expect(bad.errors).toEqual([
      {
        file: 'bad.yaml', line: 7, column: 11, path: 'sections[0].kind', severity: 'error', code: 'invalid-value',
        message: 'expected one of: gates, smoke, triage, playbook, rollback, rollforward, timeline, signoff, steps, got a string ("smok") (did you mean "smoke"?)',
      },
    ]);
    expect(missing.errors[0]).toMatchObject({ file: 'missing.yaml', code: 'unreadable', message: 'cannot read: no such file' });
  });

  test('unreadable input is exit 2 like for every command: a missing file, an empty directory, a link loop, no file at all', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty-dir'));
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    const missing = runCli(['validate', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('nope.yaml: cannot read: no such file');
    const directory = runCli(['validate', 'empty-dir'], { cwd: dir });
    expect(directory.code).toBe(2);
    expect(directory.stdout).toContain('empty-dir: a directory without checklist files (.yaml, .yml or .json)');
    const loop = runCli(['validate', 'loop-a'], { cwd: dir });
    expect(loop.code).toBe(2);
    expect(loop.stdout).toContain('loop-a: cannot read: a symbolic link loop');
    const unknown = runCli(['validate', 'no-such-id'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('no checklist file or checklist id "no-such-id"');
    expect(runCli(['validate'], { cwd: dir }).code).toBe(2);
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    const huge = runCli(['validate', 'huge.yaml'], { cwd: dir });
    expect([huge.code, huge.stdout.split('\n')[1]]).toEqual([2, 'huge.yaml: cannot read: too large for a checklist (6.0 MB; the limit is 5 MB)']);
    // a device that never ends is read only up to the limit
    const endless = process.platform === 'linux' ? runCli(['validate', '/dev/zero'], { cwd: dir, timeout: 20_000 }) : undefined;
    if (endless) expect([endless.code, endless.stdout.split('\n')[1]]).toEqual([2, '/dev/zero: cannot read: too large for a checklist (the limit is 5 MB)']);
    for (const result of [missing, directory, loop, unknown, huge]) expect(result.stderr).toBe('');
  });

  test('a bundled checklist id validates like its file', () => {
    const { code, stdout } = runCli(['validate', 'demo'], { cwd: tempDir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ .*checklists\/demo\.yaml \(demo, /);
  });

  test('past three warnings of one kind, the text output counts the rest', () => {
    const dir = tempDir();
    const items = Array.from({ length: 5 }, (_, i) => `      - { id: i${i}, title: Item ${i}, run: "echo ${i}" }`).join('\n');
    writeFileSync(join(dir, 'many.yaml'), `id: many\ntitle: Many\nversion: 1\nsections:\n  - id: s\n    title: S\n    kind: smoke\n    items:\n${items}\n`);
    const { code, stdout } = runCli(['validate', 'many.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout.match(/warning .*no expect/g)).toHaveLength(3);
    expect(stdout).toContain('... and 2 more no-expect warnings (--json lists every one)');
    const json = JSON.parse(runCli(['validate', '--json', 'many.yaml'], { cwd: dir }).stdout);
    expect(json.files[0].warnings).toHaveLength(5);
  });

  test('a directory stands for the checklists inside it', () => {
    const { code, stdout } = runCli(['validate', 'checklists']);
    expect(code).toBe(0);
    expect(stdout).toContain(`all ${bundled.length} checklists valid`);
  });
});

describe('cutover schema', () => {
  test('checklists/checklist.schema.json is what `cutover schema` generates (run `npm run schema` when this fails)', () => {
    const { code, stdout } = runCli(['schema']);
    expect(code).toBe(0);
    expect(readFileSync('checklists/checklist.schema.json', 'utf8')).toBe(stdout);
  });

  test('the schema is strict, input-side and documented', () => {
    const schema = JSON.parse(runCli(['schema']).stdout);
    expect(schema.$id).toBe('urn:cutover:checklist');
    expect(schema.required).toEqual(['id', 'title', 'version', 'sections']);
    expect(schema.additionalProperties).toBe(false);
    const item = schema.properties.sections.items.properties.items.items;
    expect(item.additionalProperties).toBe(false);
    expect(item.required).toEqual(['id', 'title']);
    expect(item.properties.destructive.description).toMatch(/typed/);
    expect(item.properties.timeout.pattern).toBeDefined();
  });
});

describe('cutover list', () => {
  test('shows bundled checklists and local ones from $CUTOVER_CHECKLISTS', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.yaml'), VALID);
    writeFileSync(join(dir, 'broken.yaml'), 'id: [');
    const { code, stdout } = runCli(['list', '--json'], { cwd: dir, env: { CUTOVER_CHECKLISTS: dir } });
    expect(code).toBe(0);
    const { checklists, sessions } = JSON.parse(stdout);
    expect(sessions).toEqual([]);
    const tiny = checklists.find((c: { id: string }) => c.id === 'tiny');
    expect(tiny).toMatchObject({ title: 'Tiny', sections: 1, items: 1, origin: 'local' });
    expect(checklists.find((c: { path: string }) => c.path.endsWith('broken.yaml')).error).toMatch(/^broken\.yaml:1:\d+: /);
    expect(checklists.filter((c: { origin: string }) => c.origin === 'bundled')).toHaveLength(bundled.length);

    const table = runCli(['list'], { cwd: dir, env: { CUTOVER_CHECKLISTS: dir } });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID +TITLE +SECTIONS +ITEMS +ORIGIN +PATH$/m);
    expect(table.stdout).toMatch(/^tiny +Tiny +1 +1 +local /m);
  });
});

describe('cutover list with a bad $CUTOVER_CHECKLISTS', () => {
  test('names entries that are missing or not directories on stderr, still lists the rest, and notes duplicate ids', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.yaml'), VALID);
    writeFileSync(join(dir, 'tiny-copy.yaml'), VALID);
    writeFileSync(join(dir, 'junk.yaml'), Buffer.from([0, 1, 2, 255]));
    const env = { CUTOVER_CHECKLISTS: [join(dir, 'nope'), join(dir, 'tiny.yaml'), dir].join(':') };
    const { code, stdout, stderr } = runCli(['list'], { cwd: dir, env });
    expect(code).toBe(0);
    expect(stderr).toContain(`cutover: CUTOVER_CHECKLISTS: ${join(dir, 'nope')}: no such file`);
    expect(stderr).toContain(`cutover: CUTOVER_CHECKLISTS: ${join(dir, 'tiny.yaml')}: not a directory`);
    expect(stdout).toMatch(/^demo +/m);
    expect(stdout).toMatch(/^junk +\(invalid: run cutover validate\)/m);
    expect(stdout).toContain('junk.yaml:1:1: contains a NUL byte');
    expect(stdout).toContain('note: id "tiny" is used by 2 files; `cutover open tiny` opens tiny-copy.yaml');
  });
});

describe('cutover list with sessions', () => {
  test('unfinished sessions are listed, most recent first', async () => {
    const { createSession } = await import('../../src/services/session-open.js');
    const dir = tempDir();
    const start = (ticket: string) =>
      createSession({ checklistPath: 'checklists/demo.yaml', evidenceDir: dir, ticket, environment: 'staging', operator: 'ana', mode: 'drill', variables: {} });
    const older = await start('CHG-1');
    await older.store.close();
    await new Promise((r) => setTimeout(r, 20));
    const newer = await start('CHG-2');
    await newer.store.close();
    const { code, stdout } = runCli(['list', '--evidence-dir', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Unfinished sessions');
    expect(stdout.indexOf('CHG-2')).toBeGreaterThan(0);
    expect(stdout.indexOf('CHG-2')).toBeLessThan(stdout.indexOf('CHG-1'));
    const json = JSON.parse(runCli(['list', '--json', '--evidence-dir', dir]).stdout);
    expect(json.sessions.map((s: { ticket: string }) => s.ticket)).toEqual(['CHG-2', 'CHG-1']);
  });
});
