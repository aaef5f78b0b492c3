// `cutover verify evidence` (the evidence folder, not a package): refused as before (exit 2), with
// the command that verifies one of its sessions. And the summary of a one-run session reads right.
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { recordSession } from '../cli/recorded-session.js';

describe('verify of an evidence folder', () => {
  it('names a session file to verify instead', () => {
    const dir = join(tempDir(), 'evidence');
    const session = basename(recordSession(dir));
    const result = runCli(['verify', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `cutover: ${dir} is not an incident package: it has neither SHA256SUMS nor evidence.json\n  an evidence folder? verify one session at a time: cutover verify ${join(dir, session)}\n`,
    );
  }, 60_000);

  it('a session with one run: "1 log matches its recorded sha256"', () => {
    const dir = tempDir();
    const checklist = join(dir, 'one.yaml');
    writeFileSync(checklist, 'id: one\ntitle: One\nversion: 1\nsections:\n  - { id: s, title: S, kind: steps, items: [{ id: a, title: A, run: "echo hi" }] }\n');
    expect(runCli(['run', checklist, '--headless', '--evidence-dir', join(dir, 'ev')]).code).toBe(0);
    const session = join(dir, 'ev', readdirSync(join(dir, 'ev')).find((f) => f.endsWith('.json')) ?? '');
    expect(runCli(['verify', session]).stdout).toContain('  runs       1, 1 log matches its recorded sha256\n');
  }, 60_000);
});
