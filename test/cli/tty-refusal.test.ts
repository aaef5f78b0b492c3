// Without a terminal the TUI commands refuse at once, pointing at --headless, and leave nothing
// behind: `resume --recover` must not write its recovered copy for a TUI that cannot start.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, runCli, tempDir } from '../helpers/cli.js';
import { recordSession } from './recorded-session.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('TUI commands without a terminal', () => {
  it.each([[[]], [['open', 'demo']], [['resume']]])('cutover %j refuses (exit 2) and names --headless', (args) => {
    const dir = tempDir();
    const result = runCli([...args, '--evidence-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no terminal: the TUI needs a TTY');
    expect(result.stderr).toContain('cutover run <checklist> --headless');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('resume --recover of a damaged file writes no recovered copy before refusing', () => {
    const dir = tempDir();
    const evidence = recordSession(dir);
    appendFileSync(evidence, 'garbage\n');
    const before = readdirSync(dir).sort();
    const result = runCli(['resume', '--recover', evidence], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('resume: no terminal');
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it.skipIf(!hasScript)('import - on a terminal refuses at once instead of waiting for typed markdown', () => {
    // script(1) gives the command a pseudo-terminal as its standard input
    const result = spawnSync('script', ['-qec', `"${process.execPath}" "${cliPath}" import -`, '/dev/null'], { encoding: 'utf8', timeout: 20_000, input: '' });
    expect(result.stdout).toContain('cutover: import -: standard input is a terminal, not a runbook');
    expect(result.status).toBe(2);
  });

  it.skipIf(!hasScript)('resume on a terminal with a missing evidence directory says it is missing', () => {
    const missing = join(tempDir(), 'nowhere');
    const result = spawnSync('script', ['-qec', `"${process.execPath}" "${cliPath}" resume --evidence-dir "${missing}"`, '/dev/null'], { encoding: 'utf8', timeout: 20_000, input: '' });
    expect(result.stdout).toContain(`cutover: no unfinished session in ${missing} (evidence directory ${missing} does not exist)`);
    expect(result.status).toBe(1);
  });
});
