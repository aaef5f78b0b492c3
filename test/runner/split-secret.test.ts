// A token written in two parts with a pause between them (a slow pipe, a progress line): the pause
// releases held-back output, but never half a secret, in the log as in the excerpt.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/domain/redaction.js';
import { runCommand } from '../../src/services/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'cutover-split-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a secret split by a pause longer than the idle release', () => {
  it.each([
    ['a GitHub token', "printf 'token ghp_abcdefghij'; sleep 1; printf 'klmnopqrstuvwxyz0123456789AB done\\n'", 'ghp_'],
    ['an AWS access key', "printf 'key AKIAIOSF'; sleep 1; printf 'ODNN7EXAMPLE done\\n'", 'AKIA'],
  ])('%s reaches the log redacted, and the text around it intact', async (_name, command, prefix) => {
    const logPath = join(dir, `${prefix}.log`);
    const outcome = await runCommand({ command, cwd: dir, logPath, redactor: createRedactor({}) });
    const log = readFileSync(logPath, 'utf8');
    expect(log).not.toContain(prefix);
    expect(log).toMatch(/^(token|key) \[REDACTED:[^\]]+\] done\n$/);
    expect(outcome.redactions).toBe(1);
    expect(outcome.excerpt.head).toBe(log);
  });
});
