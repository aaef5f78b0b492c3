// Command-line mistakes an operator makes at 2 a.m.: each gets one clear line and exit 2, and
// nothing is recorded anywhere.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

describe('command-line usage', () => {
  it('an unknown command is named, with the list of commands', () => {
    const result = runCli(['bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "bogus"');
    expect(result.stderr).toMatch(/commands: open, resume, .*run, export, verify/);
  });

  it('`cutover help` and `cutover help run` show the help', () => {
    const root = runCli(['help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Usage: cutover [options] [command]');
    expect(runCli(['help', 'run']).stdout).toContain('Usage: cutover run [options] <checklist>');
  });

  it('an empty --evidence-dir (an unset "$DIR") is refused rather than writing into the working directory', () => {
    const cwd = tempDir();
    const result = runCli(['run', 'demo', '--headless', '--section', 'gates', '--evidence-dir', ''], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the evidence directory is empty');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an empty CUTOVER_EVIDENCE_DIR counts as unset: ./evidence', () => {
    const cwd = tempDir();
    const result = runCli(['run', 'demo', '--headless', '--section', 'nope'], { cwd, env: { CUTOVER_EVIDENCE_DIR: '' } });
    expect(result.stderr).toContain('no section "nope"'); // got past the evidence directory
  });

  it('an empty --operator or --ticket is refused before anything is recorded', () => {
    const dir = tempDir();
    for (const flag of ['--operator', '--ticket', '--env']) {
      const result = runCli(['run', 'demo', '--headless', '--section', 'gates', '--evidence-dir', join(dir, 'ev'), flag, ' ']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/the (operator|ticket|environment) is empty/);
    }
    expect(existsSync(join(dir, 'ev'))).toBe(false);
  });
});
