// Paths that are not evidence at all: devices, FIFOs and arbitrary folders get a one-line refusal
// and exit 2 at once, never an endless read or a walk of a whole folder tree.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const quick = { timeout: 10_000 };

describe('inputs that are not evidence', () => {
  it.each([
    ['report', '/dev/zero', 'cannot read evidence file /dev/zero: not a regular file'],
    ['export', '/dev/zero', 'cannot export /dev/zero: not a regular file'],
    ['verify', '/dev/zero', 'cannot verify /dev/zero: not a file or folder'],
    ['report', '/dev/null', 'cannot read evidence file /dev/null: not a regular file'],
  ])('%s %s refuses (exit 2)', (command, path, message) => {
    const result = runCli([command, path], quick);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file of a later evidence format is named as such, for each reader (exit 2)', () => {
    const file = join(tempDir(), 'later.json');
    writeFileSync(file, '{"header":{"format":"cutover-evidence/2","sessionId":"x"},"events":[\n]}\n');
    for (const command of ['report', 'verify', 'export']) {
      const result = runCli([command, file], quick);
      expect(result.code, command).toBe(2);
      expect(result.stderr, command).toContain('it is in format "cutover-evidence/2", which this cutover cannot read (it reads cutover-evidence/1): open it with the cutover that wrote it');
    }
  });

  it('a FIFO is refused rather than waited on', () => {
    const fifo = join(tempDir(), 'session.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const command of ['report', 'export']) {
      const result = runCli([command, fifo], quick);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('not a regular file');
    }
  });

  it('verify of a folder that is no package says so without walking it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'deep', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'deep', 'deeper', 'x.txt'), 'x');
    const result = runCli(['verify', dir], quick);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir} is not an incident package: it has neither SHA256SUMS nor evidence.json`);
  });

  it('export -o into a place that cannot hold folders (/proc) fails at once with exit 2', () => {
    const dir = tempDir();
    // a checklist whose gate starts nothing (the demo's gates start its service, left running for 15 minutes)
    const run = runCli(['run', 'test/fixtures/headless/confirm.yaml', '--headless', '--json', '--section', 'gates', '--evidence-dir', dir, '--ticket', 'T-1'], quick);
    const file = (JSON.parse(run.stdout) as { evidence: string }).evidence;
    expect(file).toMatch(/\.json$/);
    const result = runCli(['export', file, '-o', '/proc/no-such-dir/bundle'], quick);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot export to /proc/no-such-dir/bundle: cannot create /proc/no-such-dir');
  });
});
