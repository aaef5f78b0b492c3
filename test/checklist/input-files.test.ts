// Input files that are not plain regular files, for `validate`, `run --headless` and `import`:
// named pipes (with and without a writer), process substitution, UTF-16 runbooks.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runCli, tempDir } from '../helpers/cli.js';

const VALID = 'id: piped\ntitle: Piped\nversion: 1\nsections:\n  - id: s\n    title: S\n    kind: smoke\n    items:\n      - { id: a, title: A, run: "true" }\n';
const quick = { timeout: 20_000 };

function fifo(): string {
  const path = join(tempDir(), 'pipe.yaml');
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

describe.runIf(process.platform !== 'win32')('named pipes and process substitution', () => {
  it('a FIFO nobody writes to is refused at once instead of waited on forever', () => {
    const path = fifo();
    const validate = runCli(['validate', path], quick);
    expect([validate.code, validate.stdout.split('\n')[1]]).toEqual([2, `${path}: cannot read: nothing was written to it (it is a pipe or a device, not a file)`]);
    const run = runCli(['run', path, '--headless', '--evidence-dir', tempDir()], quick);
    expect([run.code, run.stderr.trim()]).toEqual([2, `cutover: cannot read checklist ${path}: nothing was written to it (it is a pipe or a device, not a file)`]);
    const md = join(tempDir(), 'pipe.md');
    expect(spawnSync('mkfifo', [md]).status).toBe(0);
    const imported = runCli(['import', md], quick);
    expect([imported.code, imported.stderr.trim()]).toEqual([2, `cutover: cannot read runbook ${md}: nothing was written to it (it is a pipe or a device, not a file)`]);
  });

  it('still reads process substitution, even when the writer is slow to start', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.yaml'), VALID);
    writeFileSync(join(dir, 'r.md'), '# Piped runbook\n\n## Smoke\n\n- [ ] `true`\n');
    const bash = (script: string) => spawnSync('bash', ['-c', script], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    const validated = bash(`node ${cliPath} validate <(sleep 0.3; cat ${join(dir, 'c.yaml')})`);
    expect(validated.status, validated.stderr).toBe(0);
    expect(validated.stdout).toMatch(/✓ \/dev\/fd\/\d+ \(piped, 1 section, 1 item\)/);
    const imported = bash(`node ${cliPath} import <(sleep 0.3; cat ${join(dir, 'r.md')})`);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('id: piped-runbook');
  });
});

describe('encodings', () => {
  it('imports a UTF-16 runbook (with or without a byte order mark) instead of calling it binary', () => {
    const dir = tempDir();
    const text = '# Bascule café\n\n## Smoke\n\n- [ ] Vérifier `true`\n';
    const files: Array<[string, Buffer]> = [
      ['le-bom.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['be-bom.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
      ['le.md', Buffer.from(text, 'utf16le')],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(join(dir, name), bytes);
      const result = runCli(['import', join(dir, name)], quick);
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toContain('title: Bascule café');
      expect(result.stdout).toContain('title: Vérifier `true`');
      expect(result.stderr).toMatch(/note: the file is UTF-16[LB]E/);
    }
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    expect(runCli(['import', join(dir, 'binary.md')], quick).stderr).toContain('is not a text file');
  });
});
