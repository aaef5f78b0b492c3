// Every command runs under `/bin/sh -e -c` (errexit): a command of several lines, or `a; b`, fails
// at the first simple command that fails, with its exit code, instead of being judged by its last
// line alone. Checks, soak runs and drill faults all go through the same spawn.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/domain/redaction.js';
import { readEvidence } from '../../src/services/evidence-store.js';
import { SHELL } from '../../src/services/process-group.js';
import { runCommand, type RunRequest } from '../../src/services/runner.js';
import { CutoverSession } from '../../src/services/session.js';

const dir = mkdtempSync(join(tmpdir(), 'cutover-errexit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let logCount = 0;
const nextLog = (): string => join(dir, 'runs', `run-${++logCount}.log`);

async function run(command: string, extra: Partial<RunRequest> = {}) {
  const logPath = nextLog();
  const outcome = await runCommand({ command, cwd: dir, logPath, redactor: createRedactor({}), ...extra });
  return { ...outcome, log: existsSync(logPath) ? readFileSync(logPath, 'utf8') : '' };
}

describe('a command of several lines or statements fails at its first failing command', () => {
  it('a two-line run whose first line fails fails with that line\'s exit code, and the second line never runs', async () => {
    const outcome = await run("sh -c 'exit 4'\necho checked");
    expect(outcome).toMatchObject({ exitCode: 4, result: 'fail', reasons: ['exit code 4, expected 0'] });
    expect(outcome.log).not.toContain('checked');
  });

  it('the 2 a.m. case: curl -f to a dead health endpoint, then an echo, fails with curl\'s exit code', async () => {
    const outcome = await run('curl -fsS --max-time 5 http://127.0.0.1:1/health\necho checked');
    expect(outcome.result).toBe('fail');
    expect(outcome.exitCode).not.toBe(0);
    expect(outcome.log).not.toContain('checked');
  });

  it('a single line `a; b` fails when a does', async () => {
    const outcome = await run('echo before; false; echo after');
    expect(outcome).toMatchObject({ exitCode: 1, result: 'fail' });
    expect(outcome.log).toBe('before\n');
  });

  it('`grep -q x; echo $?` now stops at the grep: a command that wants the code must test it', async () => {
    expect(await run('grep -q needle /dev/null; echo $?')).toMatchObject({ exitCode: 1, result: 'fail', log: '' });
    expect(await run('grep -q needle /dev/null || echo "absent: $?"')).toMatchObject({ exitCode: 0, result: 'pass', log: 'absent: 1\n' });
  });

  it('a failure the command tests for does not end it: `|| true`, `if ! …`, `&&`, a pipeline but its last command', async () => {
    expect(await run('false || true\necho after-or')).toMatchObject({ result: 'pass', log: 'after-or\n' });
    expect(await run('if ! grep -q needle /dev/null; then echo absent; fi\necho done')).toMatchObject({ result: 'pass', log: 'absent\ndone\n' });
    expect(await run('false && echo never\necho after-and')).toMatchObject({ result: 'pass', log: 'after-and\n' });
    expect(await run('false | cat\necho after-pipe')).toMatchObject({ result: 'pass', log: 'after-pipe\n' });
  });

  it('`set +e` turns it off for the lines after it', async () => {
    expect(await run('set +e\nfalse\necho "went on after $?"')).toMatchObject({ exitCode: 0, result: 'pass', log: 'went on after 1\n' });
  });

  it('an expected non-zero exit of the failing line still passes', async () => {
    expect(await run('echo checking\nsh -c \'exit 3\'\necho never', { expect: { exitCode: 3 } })).toMatchObject({ exitCode: 3, result: 'pass', log: 'checking\n' });
  });
});

const CHECKLIST = `id: errexit
title: Errexit everywhere
version: 1
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - id: soaked
        title: Soaked
        run: "sh -c 'exit 5'\\necho soak-line-two"
        watch: { every: 100ms, for: 250ms }
      - id: faulty
        title: Faulty
        run: echo check-ran
        drill: { inject: "sh -c 'exit 6'\\necho fault-line-two" }
`;

const sessions: CutoverSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function drill(inject: string[] = []): Promise<CutoverSession> {
  const checklistPath = join(dir, 'errexit.yaml');
  writeFileSync(checklistPath, CHECKLIST);
  const session = await CutoverSession.start({
    checklistPath, evidenceDir: mkdtempSync(join(dir, 'evidence-')), ticket: 'CHG-1', environment: 'staging', operator: 'ada', mode: 'drill', variables: {}, inject,
  });
  sessions.push(session);
  return session;
}

describe('soak runs and drill faults run under errexit too', () => {
  it('every run of a soak fails at its failing first line, and the soak fails', async () => {
    const session = await drill();
    const runs = await session.runWatch('smoke', 'soaked');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const soakRun of runs) {
      expect(soakRun.finished).toMatchObject({ exitCode: 5, result: 'fail', stdoutBytes: 0 });
    }
    expect(session.state.history['smoke/soaked#1']?.status).toBe('fail');
  });

  it('a fault whose first line fails is not injected: exit 6, and the operator is told', async () => {
    const session = await drill(['faulty']);
    let streamed = '';
    const check = await session.runItem('smoke', 'faulty', { onOutput: (text) => (streamed += text) });
    const fault = Object.values(session.state.runs).find((r) => r.purpose === 'inject');
    expect(fault?.finished).toMatchObject({ exitCode: 6, result: 'fail', stdoutBytes: 0 });
    expect(streamed).toContain('the fault was NOT injected (exit code 6, expected 0)');
    expect(check.finished?.result).toBe('pass');
  });

  it('the evidence says so: every command.started, check, soak run and fault, records the shell', async () => {
    const session = await drill(['faulty']);
    await session.runItem('smoke', 'faulty');
    await session.runWatch('smoke', 'soaked');
    const { events } = await readEvidence(session.evidencePath);
    const started = events.filter((e) => e.type === 'command.started');
    expect(new Set(started.map((e) => e.purpose))).toEqual(new Set(['inject', 'check', 'watch']));
    expect(started.map((e) => e.shell)).toEqual(started.map(() => SHELL));
  });
});
