// Output that cannot be written: a reader that went away (`| head -1`) is no error, but a full disk
// under `cutover report x > report.md` leaves a cut-short file that must not look complete.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot, tempDir } from '../helpers/cli.js';
import { recordSession } from './recorded-session.js';

let evidence: string;

beforeAll(() => {
  evidence = recordSession(tempDir());
}, 60_000);

/** Runs the CLI with its standard output on `stdoutPath` (a device such as /dev/full). */
function runInto(stdoutPath: string, args: string[]) {
  const fd = openSync(stdoutPath, 'w');
  try {
    const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 20_000 });
    return { code: result.status, stderr: String(result.stderr) };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!existsSync('/dev/full'))('standard output on a full disk', () => {
  it.each([
    ['report', () => ['report', evidence]],
    ['verify', () => ['verify', evidence]],
    ['schema', () => ['schema']],
  ])('%s says the output is incomplete and exits 2', (_name, args) => {
    const result = runInto('/dev/full', args());
    expect(result.stderr).toBe('cutover: cannot write to standard output: no space left on the device (the output is incomplete)\n');
    expect(result.code).toBe(2);
  });

  it('a reader that goes away is not an error (exit 0, nothing on stderr)', () => {
    // `true` exits at once, so every write meets a closed pipe (EPIPE)
    const script = `"${process.execPath}" "${cliPath}" report "${evidence}" | true; echo "exit \${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 20_000 });
    expect(result.stdout).toBe('exit 0\n');
    expect(result.stderr).toBe('');
  });
});
