// A headless run shares one fsync between an item's command.finished and the next item's
// command.started; what the operator sees must still follow the evidence: by the time the next
// command runs, the previous row is printed and both events are in the file.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, readEvents, scratch } from './helpers.js';

afterAll(cleanScratch);

const CHECKLIST = `id: group-commit
title: Group commit
version: 1
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - id: quick
        title: Quick one
        run: "true"
        expect: { exitCode: 0 }
      - id: waits
        title: Waits to be looked at
        run: "touch {{evidence_dir}}/second-started; sleep 20"
        expect: { exitCode: 0 }
`;

describe('headless output and evidence under group commit', () => {
  it('before the next command runs, the previous row is printed and its events are on file', async () => {
    const dir = scratch();
    const checklist = join(dir, 'group.yaml');
    writeFileSync(checklist, CHECKLIST);
    const evidenceDir = join(dir, 'evidence');
    const child = spawn(process.execPath, [cliPath, 'run', checklist, '--headless', '--evidence-dir', evidenceDir], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!existsSync(join(evidenceDir, 'second-started')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 100)); // let the pipe deliver what was written before the spawn
      expect(stdout).toMatch(/smoke\/quick\s+Quick one\s+pass\s+0/);
      expect(stdout).toMatch(/smoke\/waits\s+Waits to be looked at\s+$/);
      const [file] = evidenceFiles(evidenceDir);
      const events = readEvents(file as string).map((e) => `${e.type} ${String(e.runId ?? '')}`);
      expect(events.slice(-3)).toEqual(['command.started r0001', 'command.finished r0001', 'command.started r0002']);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(143);
    const [file] = evidenceFiles(evidenceDir);
    expect(readEvents(file as string).at(-1)).toMatchObject({ type: 'session.closed' });
  });
});
