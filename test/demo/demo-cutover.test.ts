// The whole demo cutover, run end to end with real processes through the checklist's own items:
// gates → switch → smoke → fault → smoke fails → rollback → smoke passes → roll-forward → cleanup.
import { afterAll, describe, expect, it } from 'vitest';
import { DemoSandbox, isRunning, type Run } from './demo-harness.js';

const SMOKE = ['smoke-health', 'smoke-version', 'smoke-roundtrip'];
const box = new DemoSandbox('demo-e2e-session');
const pids: number[] = [];

afterAll(() => box.dispose());

/** Runs items in order; every command must finish within the 5 s contract. */
function runAll(ids: string[]): Record<string, Run> {
  const runs: Record<string, Run> = {};
  for (const id of ids) {
    const run = box.item(id);
    expect(run.ms, `${id} took ${run.ms} ms`).toBeLessThan(5000);
    runs[id] = run;
  }
  return runs;
}

function expectAllPass(ids: string[]): void {
  const runs = runAll(ids);
  for (const id of ids) expect(runs[id]?.passed, `${id} should pass:\n${runs[id]?.output}`).toBe(true);
}

function failing(ids: string[]): string[] {
  const runs = runAll(ids);
  return ids.filter((id) => !runs[id]?.passed);
}

describe('demo cutover, end to end', () => {
  it('gates pass and the service starts on its legacy runtime', () => {
    expectAllPass(['gate-preflight', 'gate-start']);
    expect(box.item('gate-start').output).toContain('already running runtime=legacy');
    pids.push(box.servicePid());
    expectAllPass(SMOKE);
  });

  it('switches to the new runtime; smoke and one soak round pass', () => {
    expectAllPass(['cutover-switch', 'cutover-verify']);
    pids.push(box.servicePid());
    expectAllPass([...SMOKE, 'soak-watch', 'triage-capture-version', 'triage-capture-status', 'triage-capture-logs']);
  });

  it('an injected data fault makes exactly the round-trip fail, and the soak too', () => {
    const inject = box.item('smoke-roundtrip', 'inject');
    expect(inject.code).toBe(0);
    expect(inject.output).toContain('injected "data" fault');
    const runs = runAll(SMOKE);
    expect(SMOKE.filter((id) => !runs[id]?.passed)).toEqual(['smoke-roundtrip']);
    expect(runs['smoke-roundtrip']?.code).toBe(1);
    expect(runs['smoke-roundtrip']?.output).toMatch(/roundtrip: FAILED: wrote ".*" .* read back ".*".*corrupt/);
    expect(failing(['soak-watch'])).toEqual(['soak-watch']);
  });

  it('rollback restores legacy and repairs the data; the same smoke items pass again', () => {
    const rollback = runAll(['rollback-run'])['rollback-run'];
    expect(rollback?.passed).toBe(true);
    expect(rollback?.output).toMatch(/discarded \d+ records? corrupted by the new runtime/);
    pids.push(box.servicePid());
    expectAllPass(['rollback-verify', ...SMOKE]);
    expect(box.demo('status').output).toContain('corrupted=0');
  });

  it('roll-forward is refused while the fault is still there, then works after the fix', () => {
    const refused = box.item('rollforward-run');
    expect(refused.passed).toBe(false);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('clear-fault');
    expectAllPass(['rollforward-fix', 'rollforward-run', 'rollforward-verify', ...SMOKE]);
    pids.push(box.servicePid());
  });

  it('the health fault fails the health check; rollback cures it too', () => {
    expect(box.item('smoke-health', 'inject').code).toBe(0);
    expect(failing(SMOKE)).toEqual(['smoke-health']);
    expect(box.item('smoke-health').output).toContain('HTTP 503');
    expectAllPass(['rollback-run', ...SMOKE]);
    expectAllPass(['demo-clear-fault', 'rollforward-run', ...SMOKE]);
    pids.push(box.servicePid());
  });

  it('the demo-controls fault switch breaks the new runtime in live mode as well', () => {
    expectAllPass(['demo-inject-fault', 'demo-status']);
    expect(failing(SMOKE)).toEqual(['smoke-roundtrip']);
    expectAllPass(['demo-clear-fault']);
  });

  it('cleanup stops every process it started and leaves nothing in the temp dir', () => {
    expectAllPass(['cleanup-stop']);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(box.leftovers()).toEqual([]);
    const after = box.item('smoke-health');
    expect(after.code).toBe(1);
    expect(after.output).toContain('no demo service for session "demo-e2e-session"');
  });
});
