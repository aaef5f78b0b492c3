// Ctrl-C (or SIGTERM) while verify unpacks a .tar.gz: the unpacked copy, as large as the package,
// is removed from the temp folder, the exit code names the signal, and it says it was cancelled.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, runCli, tempDir } from '../helpers/cli.js';

let tarball: string;

beforeAll(() => {
  const dir = tempDir();
  const checklist = join(dir, 'flood.yaml');
  writeFileSync(checklist, 'id: flood\ntitle: Flood\nversion: 1\nsections:\n  - id: s\n    title: S\n    kind: steps\n    items:\n      - { id: out, title: Out, run: "head -c 40000000 /dev/urandom | base64" }\n');
  const evidence = join(dir, 'ev');
  expect(runCli(['run', checklist, '--headless', '--evidence-dir', evidence]).code).toBe(0);
  tarball = join(dir, 'pkg.tar.gz');
  expect(runCli(['export', join(evidence, readdirSync(evidence).find((f) => f.endsWith('.json')) ?? ''), '-o', tarball]).code).toBe(0);
}, 120_000);

describe.skipIf(process.platform === 'win32')('verify cancelled', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while unpacking leaves no temp folder and exits %i', async (signal, code) => {
    const tmp = tempDir();
    const child = spawn(process.execPath, [cliPath, 'verify', tarball], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const started = Date.now();
    while (readdirSync(tmp).length === 0 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(readdirSync(tmp)).toHaveLength(1);
    child.kill(signal);
    const [exitCode] = await once(child, 'exit');
    expect(exitCode).toBe(code);
    expect(stderr).toBe(`cutover: verify cancelled (${signal})\n`);
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);
});
