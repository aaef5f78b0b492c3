import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderCommand } from '../../src/domain/command-template.js';
import { CutoverError } from '../../src/domain/errors.js';
import { createRedactor } from '../../src/domain/redaction.js';
import { runCommand, summarizeLog, type RunRequest } from '../../src/services/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'cutover-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let logCount = 0;
const nextLog = (): string => join(dir, 'runs', `run-${++logCount}.log`);
const plain = createRedactor({});

const run = (command: string, extra: Partial<RunRequest> = {}) =>
  runCommand({ command, cwd: dir, logPath: nextLog(), redactor: plain, ...extra });

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

describe('exit codes, signals, streams', () => {
  it('passes on exit 0 and records both streams in the log, in order', async () => {
    const logPath = nextLog();
    const outcome = await runCommand({
      command: 'echo out-1; echo err-1 >&2; sleep 0.3; echo out-2',
      cwd: dir,
      logPath,
      redactor: plain,
    });
    expect(outcome).toMatchObject({ exitCode: 0, signal: null, result: 'pass', reasons: [], timedOut: false, cancelled: false });
    expect(outcome.stdoutBytes).toBe(12);
    expect(outcome.stderrBytes).toBe(6);
    const log = readFileSync(logPath);
    expect(log.toString()).toMatch(/^(out-1\nerr-1\n|err-1\nout-1\n)out-2\n$/);
    expect(outcome.logBytes).toBe(log.length);
    expect(outcome.logSha256).toBe(sha256(log));
    expect(outcome.excerpt).toEqual({ head: log.toString(), tail: '', truncated: false });
    expect(statSync(logPath).mode & 0o777).toBe(0o600);
  });

  it('fails on an unexpected exit code and passes on an expected one', async () => {
    expect(await run('exit 3')).toMatchObject({ exitCode: 3, result: 'fail', reasons: ['exit code 3, expected 0'] });
    expect(await run('exit 3', { expect: { exitCode: [0, 3] } })).toMatchObject({ exitCode: 3, result: 'pass' });
  });

  it('reports death by signal', async () => {
    const outcome = await run('kill -KILL $$');
    expect(outcome).toMatchObject({ exitCode: null, signal: 'SIGKILL', result: 'fail', reasons: ['killed by SIGKILL, expected exit 0'] });
  });

  it('gives the command /dev/null as stdin, the working directory and the environment', async () => {
    const sub = mkdtempSync(join(dir, 'cwd-'));
    const logPath = nextLog();
    const outcome = await runCommand({
      command: 'cat; pwd; echo "$CUTOVER_TEST_VAR ${HOME-unset}"',
      cwd: sub,
      env: { CUTOVER_TEST_VAR: 'hello', HOME: undefined },
      logPath,
      redactor: plain,
    });
    expect(outcome.result).toBe('pass');
    expect(readFileSync(logPath, 'utf8')).toBe(`${sub}\nhello unset\n`);
  });

  it('evaluates expectations on the streamed output', async () => {
    const slow = "printf 'replication hea'; sleep 0.1; printf 'lthy\\nlag=0\\n'";
    expect(await run(slow, { expect: { contains: 'replication healthy', matches: '^lag=0$' } })).toMatchObject({ result: 'pass' });
    expect(await run(slow, { expect: { notContains: 'healthy' } })).toMatchObject({
      result: 'fail',
      reasons: ['output contains "healthy"'],
    });
  });

  it('fails clearly when the working directory does not exist, without running anything', async () => {
    const outcome = await run('echo hi', { cwd: join(dir, 'nope') });
    expect(outcome).toMatchObject({ exitCode: null, result: 'fail', logBytes: 0 });
    expect(outcome.reasons).toEqual([`working directory ${join(dir, 'nope')} does not exist`]);
  });

  it('refuses with a clear error when the log cannot be created', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const attempt = run('echo hi', { logPath: join(file, 'run.log') });
    await expect(attempt).rejects.toBeInstanceOf(CutoverError);
    await expect(attempt).rejects.toThrow(`cannot create the run log ${join(file, 'run.log')}`);
  });

  it('keeps running when the live-output callback throws', async () => {
    const seen: string[] = [];
    const outcome = await run('echo one; echo two', {
      onOutput: (text) => {
        seen.push(text);
        throw new Error('view crashed');
      },
    });
    expect(outcome.result).toBe('pass');
    expect(seen.join('')).toBe('one\ntwo\n');
  });

  it('shows a partial line on the live tail while the command is still quiet', async () => {
    const start = Date.now();
    let waitingAt = 0;
    const outcome = await run("printf 'waiting for lock'; sleep 1.5; echo ' got it'", {
      onOutput: (text) => {
        if (text.includes('waiting') && !waitingAt) waitingAt = Date.now() - start;
      },
    });
    expect(outcome.result).toBe('pass');
    expect(waitingAt).toBeGreaterThan(0);
    expect(outcome.durationMs - waitingAt).toBeGreaterThan(500);
  });

  it('does not hang on a background process that keeps the output pipe open', async () => {
    const pidFile = join(dir, 'bg.pid');
    const start = Date.now();
    const outcome = await run(`setsid sh -c 'echo $$ > ${pidFile}; exec sleep 30' & echo started`);
    expect(outcome).toMatchObject({ exitCode: 0, result: 'pass' });
    expect(Date.now() - start).toBeLessThan(10_000);
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
  });
});

/** Dead, or a zombie nobody has reaped yet (in containers pid 1 may never reap it). */
/**
 * Whether the process has exited (or is a zombie). A SIGKILLed process closes its files (and so
 * the pipes the run waits on) before its state turns Z: on a loaded machine the run can settle in
 * between, so callers give it a moment.
 */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** A command whose grandchild ignores SIGTERM: only SIGKILL to the whole group stops it. */
const stubbornTree = (pidFile: string): string =>
  `sh -c 'trap "" TERM; echo $$ > ${pidFile}; echo started; while :; do sleep 0.2; done' & wait; echo unreachable`;

describe('timeout and cancel', () => {
  it('kills the whole process tree on timeout, escalating to SIGKILL', async () => {
    const pidFile = join(dir, 'timeout.pid');
    const start = Date.now();
    const outcome = await run(stubbornTree(pidFile), { timeoutMs: 1_000 });
    const elapsed = Date.now() - start;
    expect(outcome).toMatchObject({ timedOut: true, cancelled: false, exitCode: null, result: 'fail', reasons: ['timed out after 1s'] });
    expect(outcome.excerpt.head).toBe('started\n');
    await vi.waitFor(() => expect(isGone(Number(readFileSync(pidFile, 'utf8')))).toBe(true), { timeout: 1_000 });
    expect(elapsed).toBeLessThan(1_000 + 5_000);
  });

  it('kills the whole process tree on cancel', async () => {
    const pidFile = join(dir, 'cancel.pid');
    const controller = new AbortController();
    let abortedAt = 0;
    const outcome = await run(stubbornTree(pidFile), {
      signal: controller.signal,
      onOutput: (text) => {
        if (text.includes('started') && !abortedAt) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });
    expect(outcome).toMatchObject({ cancelled: true, timedOut: false, result: 'fail', reasons: ['cancelled by operator'] });
    await vi.waitFor(() => expect(isGone(Number(readFileSync(pidFile, 'utf8')))).toBe(true), { timeout: 1_000 });
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
  });

  it('settles soon after a timeout even if an escaped process holds the pipes open', async () => {
    const pidFile = join(dir, 'escaped.pid');
    const start = Date.now();
    const outcome = await run(`setsid sh -c 'echo $$ > ${pidFile}; exec sleep 30' & sleep 30`, { timeoutMs: 500 });
    expect(outcome.timedOut).toBe(true);
    expect(Date.now() - start).toBeLessThan(500 + 5_000);
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
  });

  it('closes a run whose command left a process holding its output 2s after the command exited, and says so at the end of the log', async () => {
    const pidFile = join(dir, 'holder.pid');
    const logPath = nextLog();
    const outcome = await run(`sh -c 'echo $$ > ${pidFile}; sleep 5; echo late' & echo early`, { logPath });
    const holder = Number(readFileSync(pidFile, 'utf8'));
    expect(outcome).toMatchObject({ exitCode: 0, result: 'pass', outputLeftOpen: true });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(2_000);
    const log = readFileSync(logPath);
    expect(log.toString()).toMatch(/^early\n\n\[cutover: the command exited after \d+ms, but processes it started still held its output 2s later; they were left running, and what they write from here on is not kept\]\n$/);
    expect(outcome.logSha256).toBe(sha256(log));
    expect(isGone(holder)).toBe(false); // a check may start a daemon: it is not killed
    process.kill(holder, 'SIGKILL');
  });

  it('does not flag a command whose background processes let go of its output', async () => {
    const outcome = await run('sleep 1 >/dev/null 2>&1 & echo done');
    expect(outcome.outputLeftOpen).toBeUndefined();
    expect(outcome.durationMs).toBeLessThan(1_000);
  });

  it('runs nothing when cancelled before it starts', async () => {
    const marker = join(dir, 'never');
    const controller = new AbortController();
    controller.abort();
    const outcome = await run(`touch ${marker}`, { signal: controller.signal });
    expect(outcome).toMatchObject({ cancelled: true, result: 'fail', reasons: ['cancelled by operator'], logBytes: 0 });
    expect(existsSync(marker)).toBe(false);
  });
});

describe('secrets and injection through a real run', () => {
  it('redacts env secrets, declared secrets and token shapes in the log and the excerpt, and counts them', async () => {
    const env = { SERVICE_API_TOKEN: 'tok_live_0123456789abcdef' };
    const redactor = createRedactor({ env, secrets: [{ name: 'db_password', value: 'Tr0ub4dor&3' }] });
    const logPath = nextLog();
    const command = [
      'echo "token=$SERVICE_API_TOKEN"',
      "echo 'dsn postgres://app:Tr0ub4dor&3@db/app' >&2",
      "printf 'Authorization: Bearer abc123.def456-ghi\\n'",
      "printf -- '-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY\\n'",
      'sleep 0.1',
      "printf -- 'AwEHoUQDQgAE\\n-----END EC PRIVATE KEY-----\\nAKIAIOSFODNN7EXAMPLE\\n'",
      // a secret split across two writes (two chunks)
      "printf 'split tok_live_0123'; sleep 0.1; printf '456789abcdef end\\n'",
    ].join('; ');
    const outcome = await runCommand({ command, cwd: dir, env, logPath, redactor });
    const log = readFileSync(logPath, 'utf8');
    for (const secret of ['tok_live', 'Tr0ub4dor', 'abc123.def456', 'MHcCAQEE', 'AwEHoUQ', 'AKIAIOSFODNN7EXAMPLE']) {
      expect(log).not.toContain(secret);
      expect(outcome.excerpt.head + outcome.excerpt.tail).not.toContain(secret);
    }
    expect(log).toContain('token=[REDACTED:SERVICE_API_TOKEN]\n');
    expect(log).toContain('dsn postgres://app:[REDACTED:db_password]@db/app\n');
    expect(log).toContain('Authorization: Bearer [REDACTED:bearer]\n');
    expect(log).toContain('[REDACTED:private-key]\n[REDACTED:aws-access-key]\n');
    expect(log).toContain('split [REDACTED:SERVICE_API_TOKEN] end\n');
    expect(outcome.redactions).toBe(6);
    expect(outcome.excerpt.head).toBe(log);
    expect(outcome.logSha256).toBe(sha256(log));
    expect(outcome.stdoutBytes).toBeGreaterThan(Buffer.byteLength(log) - 40);
  });

  it('never executes a substituted value: $(...) and friends stay data', async () => {
    const marker = join(dir, 'p');
    const values = [`$(touch ${marker})`, `\`touch ${marker}\``, `'; touch ${marker}; '`, `"; touch ${marker}; #`];
    for (const value of values) {
      for (const template of ['echo {{x}}', 'echo "ticket {{x}}"', "echo 'ticket {{x}}'", 'echo "$(echo {{x}})"']) {
        const logPath = nextLog();
        const outcome = await runCommand({ command: renderCommand(template, { x: value }), cwd: dir, logPath, redactor: plain });
        expect(outcome.result).toBe('pass');
        expect(readFileSync(logPath, 'utf8')).toContain(value);
        expect(existsSync(marker), `${template} with ${value}`).toBe(false);
      }
    }
  });
});

describe('large output', () => {
  it('keeps the excerpt bounded and hashes the log exactly (50 MB, one line and many lines)', async () => {
    for (const command of ["head -c 50000000 /dev/zero | tr '\\0' 'a'", "yes 'ok line 0123456789' | head -c 50000000"]) {
      const logPath = nextLog();
      const outcome = await run(command, { logPath, expect: { contains: 'ok line', notContains: 'ERROR' } });
      expect(outcome.logBytes).toBe(50_000_000);
      expect(outcome.stdoutBytes).toBe(50_000_000);
      expect(outcome.logSha256).toBe(execFileSync('sha256sum', [logPath], { encoding: 'utf8' }).split(' ')[0]);
      expect(Buffer.byteLength(outcome.excerpt.head)).toBeLessThanOrEqual(4096);
      expect(Buffer.byteLength(outcome.excerpt.tail)).toBeLessThanOrEqual(16_384);
      expect(Buffer.byteLength(outcome.excerpt.tail)).toBeGreaterThan(16_000);
      expect(outcome.excerpt.truncated).toBe(true);
      expect(outcome.result).toBe(command.startsWith('yes') ? 'pass' : 'fail');
    }
  });
});

describe('summarizeLog', () => {
  it('summarizes a missing log as empty', async () => {
    expect(await summarizeLog(join(dir, 'missing.log'))).toEqual({
      logBytes: 0,
      logSha256: sha256(''),
      excerpt: { head: '', tail: '', truncated: false },
    });
  });

  it('takes head and tail without splitting a multi-byte character', async () => {
    const path = join(dir, 'existing.log');
    const content = Buffer.from(`${'é'.repeat(2_049)}middle${'€'.repeat(6_000)}`);
    writeFileSync(path, content);
    const summary = await summarizeLog(path);
    expect(summary.logBytes).toBe(content.length);
    expect(summary.logSha256).toBe(sha256(content));
    expect(summary.excerpt.truncated).toBe(true);
    expect(summary.excerpt.head).toBe('é'.repeat(2_048));
    expect(summary.excerpt.tail).toBe('€'.repeat(5_461));
  });

  it('splits a small log into head and tail with nothing lost or repeated', async () => {
    const path = join(dir, 'small.log');
    const content = `${'ü'.repeat(3_000)}\n`;
    writeFileSync(path, content);
    const { excerpt } = await summarizeLog(path);
    expect(excerpt.truncated).toBe(false);
    expect(excerpt.head + excerpt.tail).toBe(content);
  });
});
