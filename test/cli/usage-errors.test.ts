// Usage mistakes read like every other error: `cutover: …` on one line, then the command's own usage,
// and a suggestion when the mistake is a near miss. Exit 2, nothing on stdout.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

function usageError(args: string[], options = {}) {
  const result = runCli(args, { timeout: 20_000, ...options });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/^error: /m);
  return result.stderr;
}

describe('usage errors', () => {
  it.each([
    ['lst', 'cutover list'],
    ['verfy', 'cutover verify'],
    ['rep', 'cutover report'],
    ['RUN', 'cutover run'],
    ['recover', 'cutover resume --recover <evidence.json>'],
  ])('an unknown command "%s" suggests `%s`', (given, suggested) => {
    const stderr = usageError([given, 'x']);
    expect(stderr).toContain(`cutover: unknown command "${given}": did you mean \`${suggested}\`?\n`);
    expect(stderr).toContain('  commands: open, resume, list');
  });

  it('an unknown command with no near miss lists the commands, without a guess', () => {
    expect(usageError(['frobnicate']).split('\n')[0]).toBe('cutover: unknown command "frobnicate"');
  });

  it('an unknown option names the command\'s own usage and the near miss', () => {
    expect(usageError(['list', '--jsn'])).toBe("cutover: unknown option '--jsn' (did you mean --json?)\n  usage: cutover list [options] (cutover list --help)\n");
    expect(usageError(['-v'])).toContain("cutover: unknown option '-v' (did you mean -V (--version)?)");
  });

  it('a missing or extra argument names the command\'s usage', () => {
    expect(usageError(['report'])).toBe("cutover: missing required argument 'evidence'\n  usage: cutover report [options] <evidence> (cutover report --help)\n");
    expect(usageError(['verify', 'a', 'b'])).toContain('  a path with spaces needs quotes: "my file.json"\n  usage: cutover verify [options] <evidence> (cutover verify --help)\n');
    expect(usageError(['schema', 'extra'])).toContain("cutover: too many arguments for 'schema'");
  });

  it('a file whose name starts with a dash gets told how to name it', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '-session.json'), '{}');
    expect(usageError(['report', '-session.json'], { cwd })).toContain('  a file whose name starts with "-": write ./-session.json (or put -- before it)\n');
  });

  it.each(['list', 'open', 'resume', 'run', 'report', 'export', 'verify', 'drills', 'import', 'validate', 'schema'])('`%s --help` and -h print its usage and exit 0', (command) => {
    for (const flag of ['--help', '-h']) {
      const result = runCli([command, flag], { timeout: 20_000 });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: cutover ${command} `);
      expect(result.stderr).toBe('');
    }
  });

  it('the top-level help names the exit codes and the environment variables', () => {
    const help = runCli(['--help']).stdout;
    expect(help).toContain('Exit codes: 0 ok; 1 a check failed');
    expect(help).toContain('Environment: CUTOVER_EVIDENCE_DIR, CUTOVER_CHECKLISTS');
  });

  it('a quoted ~ in the evidence directory is refused rather than making a folder named "~"', () => {
    const cwd = tempDir();
    const viaEnv = usageError(['run', 'demo', '--headless', '--section', 'gates'], { cwd, env: { CUTOVER_EVIDENCE_DIR: '~/evidence' } });
    expect(viaEnv).toContain('cutover: the evidence directory "~/evidence" starts with ~, which the shell did not expand\n  write $HOME instead of ~');
    usageError(['list', '--evidence-dir=~/evidence'], { cwd });
    expect(readdirSync(cwd)).toEqual([]);
  });
});
