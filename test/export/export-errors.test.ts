// An export that cannot be written, or whose session files cannot be read, says which in one line
// and leaves nothing behind: no half-written package, no staging folder.
// Run as root, the CLI is started as `nobody` so that permissions apply.
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { recordSession } from '../cli/recorded-session.js';

const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const runUnprivileged = (args: string[]) => runCli(args, { ...unprivileged, timeout: 20_000 });

let dir: string;
let evidence: string;
let runs: string;

beforeAll(() => {
  dir = tempDir();
  chmodSync(dir, 0o755);
  evidence = recordSession(dir);
  runs = `${evidence.slice(0, -'.json'.length)}.runs`;
  for (const file of readdirSync(dir)) chmodSync(join(dir, file), file.endsWith('.runs') ? 0o755 : 0o644);
  for (const log of readdirSync(runs)) chmodSync(join(runs, log), 0o644);
}, 60_000);

describe.skipIf(process.platform === 'win32')('export errors', () => {
  it('a folder this user may not write: one line, a hint to write elsewhere, no staging path', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    chmodSync(locked, process.getuid?.() === 0 ? 0o755 : 0o555);
    for (const output of [join(locked, 'pkg'), join(locked, 'pkg.tar.gz')]) {
      const result = runUnprivileged(['export', evidence, '-o', output]);
      expect(result.stderr).toBe(`cutover: cannot export to ${output}: permission denied\n  write it elsewhere: -o DIR, or -o FILE.tar.gz\n`);
      expect(result.code).toBe(2);
    }
    expect(readdirSync(locked)).toEqual([]);
  });

  it('a run log this user may not read is named as unreadable, and nothing is left behind', () => {
    const out = join(dir, 'open');
    mkdirSync(out, { mode: 0o777 });
    chmodSync(out, 0o777);
    const log = join(runs, readdirSync(runs)[0] ?? 'r0001.log');
    chmodSync(log, 0o000);
    try {
      for (const output of [join(out, 'pkg'), join(out, 'pkg.tar.gz')]) {
        const result = runUnprivileged(['export', evidence, '-o', output]);
        expect(result.stderr).toBe(`cutover: cannot export to ${output}: cannot read ${log}: permission denied\n`);
        expect(result.code).toBe(2);
      }
    } finally {
      chmodSync(log, 0o644);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('the verify hint after an export quotes a path with spaces, so it can be pasted', () => {
    const output = join(dir, 'change ticket', 'CHG 42 package');
    const result = runCli(['export', evidence, '-o', output]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`  check it with: cutover verify '${output}'\n`);
  });
});
