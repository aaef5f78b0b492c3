// A command that floods its output must not fill the disk holding the evidence: the log stops at
// its limit (or at the free-space reserve), says so in its last line, and its recorded sha256 is
// still the file's. The command runs on unchanged, and all of its output is still judged.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/domain/redaction.js';
import type { LogLimits } from '../../src/services/log-limit.js';
import { runCommand } from '../../src/services/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'cutover-log-limit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plain = createRedactor({});
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const plenty = () => 100 * 1024 ** 3;
// 200,000 bytes of 'a', then the line the expectation looks for, then the exit.
const FLOOD = "head -c 200000 /dev/zero | tr '\\0' a; echo; echo READY-MARK; exit 0";

async function flood(name: string, logLimits: LogLimits) {
  const logPath = join(dir, name);
  const outcome = await runCommand({ command: FLOOD, cwd: dir, logPath, redactor: plain, expect: { contains: 'READY-MARK' }, logLimits });
  return { outcome, log: readFileSync(logPath) };
}

describe('the run log limit', () => {
  it('keeps the first maxBytes, ends with a line that says why, and records the hash of what it kept', async () => {
    const { outcome, log } = await flood('flood.log', { maxBytes: 10_000, reserveBytes: 0, freeBytes: plenty });
    expect(log.subarray(0, 10_000).toString()).toBe('a'.repeat(10_000));
    const note = log.subarray(10_000).toString();
    expect(note).toMatch(/^\n\[cutover: the log stopped here because it reached 10000 bytes, the most one run's log keeps; 190012 bytes more output was not kept\]\n$/);
    expect(outcome).toMatchObject({ result: 'pass', exitCode: 0, stdoutBytes: 200_012, logBytes: log.length, logSha256: sha256(log) });
    expect(outcome.excerpt.tail).toContain('the log stopped here');
  });

  it('stops when the disk would fall below the reserve kept for the evidence file', async () => {
    const { outcome, log } = await flood('nearly-full.log', { maxBytes: 1024 ** 3, reserveBytes: 256 * 1024 ** 2, freeBytes: () => 100 * 1024 ** 2 });
    expect(log.toString()).toMatch(/^\n\[cutover: the log stopped here because the disk holding the evidence is down to 100 MiB free \(256 MiB is kept for the evidence file\); 200012 bytes more output was not kept\]\n$/);
    expect(outcome).toMatchObject({ result: 'pass', logBytes: log.length, logSha256: sha256(log) });
  });

  it('keeps everything, with no note, below the limit', async () => {
    const logPath = join(dir, 'small.log');
    const outcome = await runCommand({ command: 'echo hello', cwd: dir, logPath, redactor: plain, logLimits: { maxBytes: 6, reserveBytes: 0, freeBytes: plenty } });
    expect(readFileSync(logPath, 'utf8')).toBe('hello\n');
    expect(outcome).toMatchObject({ logBytes: 6 });
  });
});
