// The demo service's lifecycle edge cases: never started, bad usage, parallel sessions, a killed
// or idled-out service, a removed state dir, odd session ids, and loopback-only listening.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoSandbox, demoCli, isRunning, shellQuote, waitUntil } from './demo-harness.js';

const boxes: Array<{ box: DemoSandbox; sessions: string[] }> = [];
function sandbox(session: string, env: NodeJS.ProcessEnv = {}, sessions = [session]): DemoSandbox {
  const box = new DemoSandbox(session, env);
  boxes.push({ box, sessions });
  return box;
}
afterEach(() => {
  for (const { box, sessions } of boxes.splice(0)) box.dispose(sessions);
});

describe('demo service lifecycle', () => {
  it('refuses every check against a session that was never started, clearly and without side effects', () => {
    const box = sandbox('never-started');
    for (const args of ['health', 'version --expect new', 'roundtrip', 'status', 'switch', 'rollback', 'rollforward', 'inject-fault', 'soak']) {
      const run = box.demo(args);
      expect(run.code, args).toBe(1);
      expect(run.output, args).toMatch(/no demo service for session "never-started" \(never started, or stopped\); start it with: node .*demo\.mjs start --session never-started/);
      expect(run.output.split('\n').filter(Boolean)).toHaveLength(1);
    }
    const stop = box.demo('stop');
    expect(stop.code).toBe(0);
    expect(stop.output).toContain('no service was running');
    expect(box.leftovers()).toEqual([]);
  });

  it('rejects bad usage with exit 2', () => {
    const box = sandbox('usage');
    const cases = ['bogus', 'health --bogus x', 'version --expect sideways', 'soak --seconds 10', 'inject-fault --kind meteor', 'logs --lines -3'];
    for (const args of cases) expect(box.demo(args).code, args).toBe(2);
    const noSession = box.shell(`node ${shellQuote(demoCli)} health`);
    expect(noSession.code).toBe(2);
    expect(noSession.output).toContain('--session <id> is required');
    expect(box.shell(`node ${shellQuote(demoCli)} help`).output).toContain('inject-fault');
  });

  it('runs two sessions in parallel without collisions', async () => {
    const box = sandbox('alpha', {}, ['alpha', 'beta']);
    const [a, b] = await Promise.all([
      box.demoAsync(['start', '--session', 'alpha']),
      box.demoAsync(['start', '--session', 'beta']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const portOf = (session: string) => (JSON.parse(readFileSync(`${box.stateDir(session)}/service.json`, 'utf8')) as { port: number }).port;
    expect(portOf('alpha')).not.toBe(portOf('beta'));
    expect(box.demo('switch', 'alpha').code).toBe(0);
    expect(box.demo('inject-fault', 'alpha').code).toBe(0);
    expect(box.demo('version --expect new', 'alpha').code).toBe(0);
    expect(box.demo('version --expect legacy', 'beta').code).toBe(0);
    expect(box.demo('roundtrip', 'alpha').code).toBe(1);
    expect(box.demo('roundtrip', 'beta').code).toBe(0);
    const betaPid = box.servicePid('beta');
    expect(box.demo('stop', 'alpha').code).toBe(0);
    expect(isRunning(betaPid)).toBe(true);
    expect(box.demo('health', 'beta').code).toBe(0);
    expect(box.demo('stop', 'beta').code).toBe(0);
    expect(box.leftovers()).toEqual([]);
  });

  it('handles a killed service: clear message, start brings back the chosen runtime, rollback works without it', () => {
    const box = sandbox('killed');
    expect(box.demo('start').code).toBe(0);
    expect(box.demo('switch').code).toBe(0);
    const pid = box.servicePid();
    process.kill(pid, 'SIGKILL');
    const health = box.demo('health');
    expect(health.code).toBe(1);
    expect(health.output).toContain(`is not running (process ${pid} is gone)`);
    const restart = box.demo('start');
    expect(restart.code).toBe(0);
    expect(restart.output).toContain('runtime=new');
    expect(restart.output).toContain('restarted');
    process.kill(box.servicePid(), 'SIGKILL');
    const rollback = box.demo('rollback');
    expect(rollback.output).toContain('a stopped service -> legacy');
    expect(rollback.code).toBe(0);
    expect(box.demo('version --expect legacy').code).toBe(0);
  });

  it('exits by itself after the idle timeout, and says so', async () => {
    const box = sandbox('idle', { CUTOVER_DEMO_IDLE_SECONDS: '1' });
    expect(box.demo('start').code).toBe(0);
    const pid = box.servicePid();
    expect(await waitUntil(() => !isRunning(pid), 10_000)).toBe(true);
    const status = box.demo('status');
    expect(status.code).toBe(1);
    expect(status.output).toContain('idle timeout');
    expect(box.demo('start').output).toContain('restarted: idle timeout');
  });

  it('exits when its state directory is removed, so no process outlives its state', async () => {
    const box = sandbox('orphan');
    expect(box.demo('start').code).toBe(0);
    const pid = box.servicePid();
    rmSync(box.stateDir(), { recursive: true, force: true });
    expect(await waitUntil(() => !isRunning(pid), 10_000)).toBe(true);
  });

  it('keeps odd session ids inside its own directory', () => {
    const odd = "INC-42 ../../x'; echo pwned";
    const box = sandbox(odd);
    const start = box.demo('start');
    expect(start.code).toBe(0);
    expect(start.output).not.toContain('pwned\n');
    expect(box.leftovers()).toHaveLength(1);
    expect(box.demo('roundtrip').code).toBe(0);
    expect(box.demo('stop').code).toBe(0);
    expect(box.leftovers()).toEqual([]);
  });

  it.runIf(existsSync('/proc/net/tcp'))('listens on 127.0.0.1 only', () => {
    const box = sandbox('loopback');
    expect(box.demo('start').code).toBe(0);
    const port = (JSON.parse(readFileSync(`${box.stateDir()}/service.json`, 'utf8')) as { port: number }).port;
    const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
    const listeners = (table: string) => (existsSync(table) ? readFileSync(table, 'utf8') : '').split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(hex) && cols[3] === '0A')
      .map((cols) => cols[1]);
    expect(listeners('/proc/net/tcp')).toEqual([`0100007F${hex}`]);
    expect(listeners('/proc/net/tcp6')).toEqual([]);
  });
});
