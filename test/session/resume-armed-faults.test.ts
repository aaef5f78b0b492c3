// Real processes: a drill opened with --inject that is killed with -9 before the fault fired. The
// fault was armed only in the dead process's memory; the resumed drill must still inject it before
// the item's next run, and only once.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CutoverSession } from '../../src/services/session.js';
import { cliPath, repoRoot, tempDir } from '../helpers/cli.js';

const CHECKLIST = `id: armed
title: Armed fault across a crash
version: 1
sections:
  - id: first
    title: First
    kind: gates
    items:
      - { id: slow, title: Slow, run: "echo slow-started; sleep 30" }
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - { id: broken, title: Breakable, run: "echo fine", drill: { inject: "echo injecting" } }
`;

const children: ChildProcess[] = [];
const sessions: CutoverSession[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const session of sessions.splice(0)) await session.close();
});

/** The evidence file once the slow item's log shows its first line (the fault for `broken` not fired yet). */
async function evidenceOnceSlowRuns(dir: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const runs = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith('.runs')) : undefined;
    const logs = runs ? readdirSync(join(dir, runs)) : [];
    if (runs && logs.some((log) => readFileSync(join(dir, runs, log), 'utf8').includes('slow-started'))) return join(dir, runs.replace(/\.runs$/, '.json'));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the slow item never started');
}

describe('resume of a drill killed before its --inject fault fired', () => {
  it('arms the fault again: injected once, right before the item next runs', async () => {
    const dir = tempDir();
    const checklist = join(dir, 'armed.yaml');
    writeFileSync(checklist, CHECKLIST);
    const evidenceDir = join(dir, 'evidence');
    const child = spawn(process.execPath, [cliPath, 'run', checklist, '--headless', '--drill', '--inject', 'broken', '--evidence-dir', evidenceDir], { cwd: repoRoot, stdio: 'ignore' });
    children.push(child);
    const path = await evidenceOnceSlowRuns(evidenceDir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const resumed = await CutoverSession.resume(path);
    sessions.push(resumed);
    await resumed.runItem('smoke', 'broken');
    await resumed.runItem('smoke', 'broken');
    const runs = resumed.state.runOrder.map((id) => resumed.state.runs[id]).filter((run) => run?.item === 'broken');
    expect(runs.map((run) => run?.purpose)).toEqual(['inject', 'check', 'check']);
    await resumed.close();

    // A second crash and resume after the fault fired does not inject it again.
    const again = await CutoverSession.resume(path);
    sessions.push(again);
    await again.runItem('smoke', 'broken');
    expect(again.state.runOrder.map((id) => again.state.runs[id]).filter((run) => run?.item === 'broken' && run.purpose === 'inject')).toHaveLength(1);
  }, 30_000);
});
