// Real processes: a headless run killed with -9 mid-command leaves evidence that reports and
// verifies; SIGTERM and SIGHUP cancel the command's whole process group, record it and exit 143 /
// 129; a closed stdout does not stop the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runCli } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, fixture, readEvents, scratch } from './helpers.js';

afterAll(cleanScratch);

const started: ChildProcess[] = [];
const groups: number[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const pgid of groups.splice(0)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function startSlowRun(dir: string, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [cliPath, 'run', fixture('slow.yaml'), '--headless', '--evidence-dir', dir, ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  return child;
}

/** Waits until the slow item's log shows its first output, and returns the command's process group. */
async function waitForSlowOutput(dir: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (!name.endsWith('.runs')) continue;
      for (const log of readdirSync(join(dir, name))) {
        const text = readFileSync(join(dir, name, log), 'utf8');
        const match = /pgid=(\d+)/.exec(text);
        if (match && text.includes('partial-output-before-kill')) {
          groups.push(Number(match[1]));
          return Number(match[1]);
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the slow command never produced output');
}

const exited = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('headless runs and real process deaths', () => {
  it('kill -9 mid-command: report shows earlier events and the run as interrupted with its output; verify exits 0', async () => {
    const dir = scratch();
    const child = startSlowRun(dir);
    await waitForSlowOutput(dir);
    const done = exited(child);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    const [file] = evidenceFiles(dir);
    const report = runCli(['report', file as string]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('first-done'); // the earlier run's output
    expect(report.stdout).toMatch(/INTERRUPTED/);
    // what reached the in-flight run's log, and nothing after it
    expect(report.stdout).toMatch(/```text\npgid=\d+\npartial-output-before-kill\n```/);
    expect(report.stdout).toMatch(/\| third \| Never reached \| not started \|/);

    const verify = runCli(['verify', file as string]);
    expect(verify.stdout).toContain('1 unfinished');
    expect(verify.code).toBe(0);
  });

  it('report and export work on a session still open in another process (read-only, no lock)', async () => {
    const dir = scratch();
    const child = startSlowRun(dir);
    await waitForSlowOutput(dir);
    const [file] = evidenceFiles(dir);
    const report = runCli(['report', file as string]);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/\*\*Session still open\*\* in process \d+ on /);
    expect(report.stdout).toContain('| slow | Slow check | RUNNING |');
    const out = join(scratch(), 'pkg');
    const exported = runCli(['export', file as string, '-o', out]);
    expect(exported.code).toBe(0);
    expect(readFileSync(join(out, 'runs', 'r0002.log'), 'utf8')).toContain('partial-output-before-kill');
    const verify = runCli(['verify', out]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('1 unfinished');
    const done = exited(child);
    child.kill('SIGTERM');
    expect((await done).code).toBe(143);
  });

  it.each([
    ['SIGTERM', 143, 'cancelled: cutover was told to stop (SIGTERM)'],
    ['SIGHUP', 129, 'cancelled: the terminal closed (SIGHUP)'], // a dropped SSH session
  ] as const)('%s cancels the running command (its whole process group), records why, closes the session, exits %i', async (signal, code, why) => {
    const dir = scratch();
    const child = startSlowRun(dir);
    const pgid = await waitForSlowOutput(dir);
    const done = exited(child);
    const stdout: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.kill(signal);
    expect((await done).code).toBe(code);
    const deadline = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(groupAlive(pgid)).toBe(false);

    const [file] = evidenceFiles(dir);
    const events = readEvents(file as string);
    const finished = events.filter((e) => e.type === 'command.finished');
    expect(finished.at(-1)).toMatchObject({ cancelled: true, result: 'fail', reasons: [why] });
    expect(events.some((e) => e.type === 'command.started' && e.item === 'third')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'session.closed', reason: `headless run interrupted by ${signal}` });
    expect(existsSync(`${file}.lock`)).toBe(false);
    // the cancelled row is written whole, on its own line, after the notice broke it
    expect(Buffer.concat(stdout).toString()).toMatch(/^\S+\/slow\s+Slow check\s+CANCELLED /m);
    expect(Buffer.concat(stdout).toString()).toContain(`(interrupted by ${signal}: 1 item not reached)`);
  });

  it('--json of a run stopped by SIGTERM (a CI job timeout): the object alone on stdout, saying how many items were not reached, exit 143', async () => {
    const dir = scratch();
    const child = startSlowRun(dir, ['--json']);
    const stdout: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    await waitForSlowOutput(dir);
    const done = exited(child);
    child.kill('SIGTERM');
    expect((await done).code).toBe(143);
    const json = JSON.parse(Buffer.concat(stdout).toString()) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: false, passed: 1, failed: 1, interrupted: 'SIGTERM', notReached: 1 });
    expect(json.items).toEqual([
      expect.objectContaining({ item: 'first', result: 'pass' }),
      expect.objectContaining({ item: 'slow', result: 'cancelled', note: 'cancelled: cutover was told to stop (SIGTERM)' }),
    ]);
  });

  it('SIGINT then SIGTERM at once (CI cancelling a job): a command that ignores SIGTERM is still killed before cutover exits', async () => {
    const dir = scratch();
    const checklist = join(scratch(), 'stubborn.yaml');
    writeFileSync(
      checklist,
      'id: stubborn\ntitle: Stubborn\nversion: 1\nsections:\n  - id: s\n    title: S\n    kind: steps\n    items:\n' +
        `      - { id: deaf, title: Ignores SIGTERM, run: "trap '' TERM; echo pgid=$$; echo partial-output-before-kill; sleep 30" }\n`,
    );
    const child = spawn(process.execPath, [cliPath, 'run', checklist, '--headless', '--evidence-dir', dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    const pgid = await waitForSlowOutput(dir);
    const done = exited(child);
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGTERM');
    expect([130, 143]).toContain((await done).code);
    const deadline = Date.now() + 3_000; // a killed process is gone once reaped
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(groupAlive(pgid)).toBe(false);
  });

  it('SIGTERM between two runs of a soak: the row is CANCELLED and says how far the soak got', async () => {
    const dir = scratch();
    const checklist = join(scratch(), 'soak.yaml');
    writeFileSync(
      checklist,
      'id: long-soak\ntitle: Long soak\nversion: 1\nsections:\n  - id: s\n    title: S\n    kind: smoke\n    items:\n' +
        '      - { id: loop, title: Health in a loop, run: echo healthy, watch: { every: 5s, for: 60s } }\n',
    );
    const child = spawn(process.execPath, [cliPath, 'run', checklist, '--headless', '--json', '--evidence-dir', dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    const stdout: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    const deadline = Date.now() + 20_000;
    const firstRunDone = (): boolean => evidenceFiles(dir).some((file) => readEvents(file).some((e) => e.type === 'command.finished'));
    while (!firstRunDone() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const done = exited(child);
    child.kill('SIGTERM');
    expect((await done).code).toBe(143);
    const json = JSON.parse(Buffer.concat(stdout).toString()) as { items: Array<{ result: string; note?: string }> };
    expect(json.items[0]?.result).toBe('cancelled');
    expect(json.items[0]?.note).toMatch(/^soak stopped after [\d.]+m?s of 60s \(cancelled: cutover was told to stop \(SIGTERM\)\): 1 of 1 runs passed; not a full soak$/);
  });

  it('a reader that goes away (`| head`) does not stop the run: every item runs, the session closes, no stack trace', async () => {
    const dir = scratch();
    const child = spawn(process.execPath, [cliPath, 'run', fixture('pass.yaml'), '--headless', '--evidence-dir', dir], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.destroy(); // nobody reads: every write to stdout fails with EPIPE
    const { code } = await exited(child);
    expect(stderr).not.toMatch(/EPIPE|at \w+ \(/);
    expect(code).toBe(0);
    const [file] = evidenceFiles(dir);
    const events = readEvents(file as string);
    expect(events.at(-1)).toMatchObject({ type: 'session.closed', reason: 'headless run complete' });
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
