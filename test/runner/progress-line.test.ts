// A progress bar redraws one line with \r and never ends it while it runs: its text must reach the
// live view as it comes, not only at the newline at the end (the screen showed "no output yet").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/domain/redaction.js';
import { runCommand } from '../../src/services/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'cutover-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a progress line redrawn faster than the idle release', () => {
  it('is shown while it runs, and the log keeps every byte of it, secrets redacted', async () => {
    const logPath = join(dir, 'progress.log');
    const started = Date.now();
    const seen: Array<{ at: number; text: string }> = [];
    const command = "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do printf '\\r%s%%' \"$((i * 8))\"; sleep 0.15; done; printf ' ghp_abcdefghijklmnopqrstuvwxyz0123456789AB\\n'";
    const outcome = await runCommand({ command, cwd: dir, logPath, redactor: createRedactor({}), onOutput: (text) => seen.push({ at: Date.now() - started, text }) });
    const total = Date.now() - started;
    expect(outcome.result).toBe('pass');
    const early = seen.filter((s) => s.at < total - 600);
    expect(early.map((s) => s.text).join('')).toContain('%');
    const log = readFileSync(logPath, 'utf8');
    expect(log).toBe(`${Array.from({ length: 12 }, (_, i) => `\r${(i + 1) * 8}%`).join('')} [REDACTED:github-token]\n`);
  });
});
