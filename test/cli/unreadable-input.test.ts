// Evidence this user may not read proves nothing either way: verify says it cannot check it (exit
// 2, naming the file) rather than an internal error, or TAMPERED for a log it could not open.
// Run as root, the CLI is started as `nobody` so that permissions apply.
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { recordSession } from './recorded-session.js';

const asRoot = process.getuid?.() === 0;
const unprivileged = asRoot ? { uid: 65534, gid: 65534 } : {};
const runUnprivileged = (args: string[]) => runCli(args, { ...unprivileged, timeout: 20_000 });

let dir: string;
let evidence: string;

beforeAll(() => {
  dir = tempDir();
  chmodSync(dir, 0o755);
  evidence = recordSession(dir);
  for (const file of readdirSync(dir)) chmodSync(join(dir, file), file.endsWith('.runs') ? 0o755 : 0o644);
  for (const log of readdirSync(`${evidence.slice(0, -5)}.runs`)) chmodSync(join(`${evidence.slice(0, -5)}.runs`, log), 0o644);
}, 60_000);

describe.skipIf(process.platform === 'win32')('verify of evidence it may not read', () => {
  it('an unreadable evidence file: exit 2, one line, no internal error', () => {
    chmodSync(evidence, 0o000);
    try {
      const result = runUnprivileged(['verify', evidence]);
      expect(result.stderr).toBe(`cutover: cannot verify ${evidence}: permission denied\n`);
      expect(result.code).toBe(2);
      const json = runUnprivileged(['verify', '--json', evidence]);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({ status: 'unreadable', ok: false });
    } finally {
      chmodSync(evidence, 0o644);
    }
  });

  it('an unreadable run log is named, and is not reported as tampering', () => {
    const runs = `${evidence.slice(0, -5)}.runs`;
    chmodSync(runs, 0o000);
    try {
      const result = runUnprivileged(['verify', evidence]);
      expect(result.stdout).not.toContain('TAMPERED');
      expect(result.stderr).toMatch(/^cutover: cannot verify .*: permission denied \(.*\.runs\/r0001\.log\)\n$/);
      expect(result.code).toBe(2);
    } finally {
      chmodSync(runs, 0o755);
    }
    expect(runUnprivileged(['verify', evidence]).code).toBe(0);
  });

  it('an unreadable file in an incident package folder is named (exit 2)', () => {
    const bundle = join(dir, 'bundle');
    expect(runCli(['export', evidence, '-o', bundle]).code).toBe(0);
    chmodSync(bundle, 0o755);
    for (const file of ['SHA256SUMS', 'evidence.json', 'checklist.yaml']) chmodSync(join(bundle, file), 0o644);
    chmodSync(join(bundle, 'runs'), 0o755);
    for (const log of readdirSync(join(bundle, 'runs'))) chmodSync(join(bundle, 'runs', log), 0o644);
    chmodSync(join(bundle, 'report.md'), 0o000);
    const result = runUnprivileged(['verify', bundle]);
    expect(result.stderr).toBe(`cutover: cannot verify ${bundle}: permission denied (${join(bundle, 'report.md')})\n`);
    expect(result.code).toBe(2);
  });
});
