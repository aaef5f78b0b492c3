// `cutover import` through the built CLI: files written, formats, summary, validate, errors.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli, tempDir } from '../helpers/cli.js';
import { fixturesDir, seedFile } from './helpers.js';

describe('cutover import (built CLI)', () => {
  it('writes YAML that `cutover validate` accepts, with the header comments and a summary on stderr', () => {
    const dir = tempDir();
    const out = join(dir, 'incident.yaml');
    const imported = runCli(['import', seedFile('002_'), '-o', out]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('');
    expect(imported.stderr).toMatch(/sections: +12 /);
    expect(imported.stderr).toMatch(/items: +37, 6 with a command/);
    expect(imported.stderr).toMatch(/roles: +5 .*links: 11/);
    expect(imported.stderr).toMatch(/severity: +3 levels, 2 rules/);
    expect(imported.stderr).toContain('commands were not run');
    const text = readFileSync(out, 'utf8');
    const [first, second] = text.split('\n');
    expect(first).toMatch(/^# yaml-language-server: \$schema=.*checklists\/checklist\.schema\.json$/);
    expect(second).toMatch(/^# Imported from .*002_f9259672846cd742\.txt by cutover import at \d{4}-\d\d-\d\dT[\d:.]+Z$/);
    const validated = runCli(['validate', out]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('12 sections, 37 items');
  });

  it('writes JSON when -o ends in .json, provenance in the description; YAML to stdout without -o', () => {
    const dir = tempDir();
    const out = join(dir, 'step22.json');
    expect(runCli(['import', seedFile('003_'), '-o', out, '--id', 'step22']).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json).toMatchObject({ id: 'step22', title: 'Step 22 Production Cutover Runbook' });
    expect(json.description).toMatch(/Imported from .* by cutover import at /);
    expect(runCli(['validate', out]).code).toBe(0);

    const stdout = runCli(['import', join(fixturesDir, 'task-lists.md')]);
    expect(stdout.code).toBe(0);
    expect(YAML.parse(stdout.stdout)).toMatchObject({ id: 'task-lists', title: 'Database failover drill' });
    expect(stdout.stderr).toContain('-> stdout');
  });

  it('imports CRLF, Windows-1252 and mojibake files', () => {
    const dir = tempDir();
    const crlf = join(dir, 'crlf.md');
    writeFileSync(crlf, readFileSync(join(fixturesDir, 'numbered-code.md'), 'utf8').replace(/\n/g, '\r\n'));
    const latin1 = join(dir, 'latin1.md');
    writeFileSync(latin1, Buffer.from('# Bascule caf\xe9\n\n- V\xe9rifier le d\xe9p\xf4t\n', 'latin1'));
    for (const file of [crlf, latin1, seedFile('004_')]) {
      const out = join(dir, `${file.split('/').pop()}.yaml`);
      const result = runCli(['import', file, '-o', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(runCli(['validate', out]).code).toBe(0);
    }
    expect(readFileSync(join(dir, 'latin1.md.yaml'), 'utf8')).toContain('Vérifier le dépôt');
    expect(readFileSync(join(dir, `${seedFile('004_').split('/').pop()}.yaml`), 'utf8')).toContain('Legacy → Refactored');
  });

  it('fails clearly: missing file 2, directory 2, empty file 2, bad -o or --id 2, never overwrites the runbook', () => {
    const dir = tempDir();
    const missing = runCli(['import', join(dir, 'nope.md')]);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `cutover: cannot read runbook ${join(dir, 'nope.md')}: no such file`]);
    expect(runCli(['import', dir]).code).toBe(2);
    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '\n  \n');
    const emptyRun = runCli(['import', empty]);
    expect(emptyRun.code).toBe(2);
    expect(emptyRun.stderr).toContain('has nothing to import');
    const runbook = join(dir, 'r.md');
    writeFileSync(runbook, '# R\n\n- step\n');
    expect(runCli(['import', runbook, '-o', join(dir, 'r.txt')]).stderr).toContain('must end in .yaml, .yml or .json');
    expect(runCli(['import', runbook, '--id', 'a b']).code).toBe(2);
    const oddlyNamed = join(dir, 'runbook.yml');
    writeFileSync(oddlyNamed, '# R\n\n- step\n');
    const self = runCli(['import', oddlyNamed, '-o', oddlyNamed]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('refusing to overwrite the runbook');
    expect(readFileSync(oddlyNamed, 'utf8')).toBe('# R\n\n- step\n');
    expect(self.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses what is not a markdown runbook, and unwritable outputs, in one line each and without hanging', () => {
    const dir = tempDir();
    const runbook = join(dir, 'r.md');
    writeFileSync(runbook, '# R\n\n- step\n');
    const oneLine = (args: string[], code: number, message: string): void => {
      const result = runCli(args, { timeout: 20_000 });
      expect([result.code, result.stdout], args.join(' ')).toEqual([code, '']);
      expect(result.stderr.split('\n')[0]).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
    };
    const page = join(dir, 'page.html');
    writeFileSync(page, '<!DOCTYPE html>\n<html><body><h1>Deploy</h1><p>Run <code>make deploy</code></p></body></html>\n');
    oneLine(['import', page], 2, `${page} is an HTML page, not a markdown runbook`);
    const binary = join(dir, 'image.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    oneLine(['import', binary], 2, 'is not a text file (it contains NUL bytes)');
    oneLine(['import', 'checklists/demo.yaml'], 2, 'checklists/demo.yaml is a YAML file: import reads a markdown runbook');
    const big = join(dir, 'big.md');
    writeFileSync(big, `# Big\n\n${'- step\n'.repeat(200_000)}`);
    oneLine(['import', big], 2, 'too large for a runbook (1.3 MB; the limit is 1 MB)');
    symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
    symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
    oneLine(['import', join(dir, 'loop-a.md')], 2, 'cannot read runbook');
    oneLine(['import', runbook, '-o', join(runbook, 'out.yaml')], 2, `cannot write ${join(runbook, 'out.yaml')}: ${runbook} is not a directory`);
    mkdirSync(join(dir, 'out.yaml'));
    oneLine(['import', runbook, '-o', join(dir, 'out.yaml')], 2, 'is a directory');
    // Node's recursive mkdir spins forever here; the import must give up with a reason instead.
    if (process.platform === 'linux') {
      oneLine(['import', runbook, '-o', '/proc/no-such-dir/x.yaml'], 2, 'cannot write /proc/no-such-dir/x.yaml');
      oneLine(['import', '/dev/zero'], 2, 'cannot read runbook /dev/zero: too large for a runbook (the limit is 1 MB)');
    }
  });

  it('creates the output directory and never runs the commands it imports', () => {
    const dir = tempDir();
    const marker = join(dir, 'ran');
    const runbook = join(dir, 'r.md');
    writeFileSync(runbook, `# R\n\n## Smoke\n\n\`\`\`bash\ntouch ${marker}\n\`\`\`\n`);
    mkdirSync(join(dir, 'a'));
    const result = runCli(['import', runbook, '-o', join(dir, 'a', 'b', 'r.yaml')]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'a', 'b', 'r.yaml'), 'utf8')).toContain(`run: touch ${marker}`);
    expect(() => readFileSync(marker)).toThrow();
  });

  it('does not replace an existing -o file without --force (it may hold hand edits)', () => {
    const dir = tempDir();
    const runbook = join(dir, 'r.md');
    const out = join(dir, 'r.yaml');
    writeFileSync(runbook, '# R\n\n## Smoke\n\n- [ ] check the thing\n');
    writeFileSync(out, '# my edits\n');
    const refused = runCli(['import', runbook, '-o', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out} already exists: not overwriting it`);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('# my edits\n');
    const forced = runCli(['import', runbook, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('check the thing');
  });
});
