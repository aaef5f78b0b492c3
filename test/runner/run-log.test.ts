// The run log is created on the first output: a command that prints nothing costs no file, and
// everything that reads logs treats the missing one as the empty output its event records.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { createRedactor } from '../../src/domain/redaction.js';
import { lineStartBefore, readLinesFrom } from '../../src/services/log-pages.js';
import { runCommand, summarizeLog } from '../../src/services/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'cutover-run-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plain = createRedactor({});
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

describe('the run log', () => {
  it('is not created for a command that prints nothing; the event records the empty output', async () => {
    const logPath = join(dir, 'runs', 'quiet.log');
    const outcome = await runCommand({ command: 'true', cwd: dir, logPath, redactor: plain });
    expect(outcome).toMatchObject({ result: 'pass', logBytes: 0, logSha256: EMPTY_SHA256, stdoutBytes: 0, stderrBytes: 0 });
    expect(existsSync(logPath)).toBe(false);
    expect(await summarizeLog(logPath)).toEqual({ logBytes: 0, logSha256: EMPTY_SHA256, excerpt: { head: '', tail: '', truncated: false } });
    // The TUI's pager shows it as an empty log, not an error.
    expect(await readLinesFrom(logPath, 0, 20)).toEqual({ lines: [], offsets: [], end: 0, size: 0 });
    expect(await lineStartBefore(logPath, 0, 20)).toBe(0);
  });

  it('is created (0600) as soon as there is output, also output that comes late', async () => {
    const logPath = join(dir, 'runs', 'late.log');
    const outcome = await runCommand({ command: 'sleep 0.2; echo late >&2', cwd: dir, logPath, redactor: plain });
    expect(outcome).toMatchObject({ result: 'pass', logBytes: 5 });
    expect(readFileSync(logPath, 'utf8')).toBe('late\n');
    expect(statSync(logPath).mode & 0o777).toBe(0o600);
  });

  it('truncates a stale file at its path before the command runs, so it never passes for this run', async () => {
    mkdirSync(join(dir, 'stale'), { recursive: true });
    const quiet = join(dir, 'stale', 'quiet.log');
    const loud = join(dir, 'stale', 'loud.log');
    writeFileSync(quiet, 'output of another run\n', { mode: 0o644 });
    writeFileSync(loud, 'output of another run\n', { mode: 0o644 });
    expect(await runCommand({ command: 'true', cwd: dir, logPath: quiet, redactor: plain })).toMatchObject({ logBytes: 0, logSha256: EMPTY_SHA256 });
    expect(readFileSync(quiet, 'utf8')).toBe('');
    expect(statSync(quiet).mode & 0o777).toBe(0o600);
    expect(await runCommand({ command: 'echo new', cwd: dir, logPath: loud, redactor: plain })).toMatchObject({ logBytes: 4 });
    expect(readFileSync(loud, 'utf8')).toBe('new\n');
  });

  it('refuses before running anything when its folder cannot be made', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const marker = join(dir, 'ran');
    const attempt = runCommand({ command: `touch ${marker}`, cwd: dir, logPath: join(file, 'run.log'), redactor: plain });
    await expect(attempt).rejects.toBeInstanceOf(CutoverError);
    expect(existsSync(marker)).toBe(false);
  });
});
