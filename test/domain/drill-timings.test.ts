import { describe, expect, it } from 'vitest';
import { compareDrills, describeDelta, drillTimings } from '../../src/domain/drill-timings.js';
import { drillFindings, drillResult } from '../../src/domain/drill-outcome.js';
import { formatDuration } from '../../src/domain/duration.js';
import { checklist, events, header } from './fixtures.js';

const list = checklist();
const drill = (rollbackSeconds: number) =>
  drillTimings(list, header, events([
    { type: 'session.started', pid: 1, offset: 0 },
    { type: 'command.started', runId: 'r1', section: 'smoke', item: 's1', pass: 1, command: 'x', cwd: '/', log: 'l', offset: 10_000 },
    { type: 'command.finished', runId: 'r1', exitCode: 1, signal: null, durationMs: 2000, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result: 'fail', reasons: ['exit 1'], offset: 12_000 },
    { type: 'item.marked', section: 'rollback', item: 'rb1', pass: 1, status: 'pass', offset: 12_000 + rollbackSeconds * 1000 },
  ]));

describe('drill timings', () => {
  it('times items, sections, rollback and counts failures', () => {
    const t = drill(30);
    expect(t.items.s1).toBe(2000);
    expect(t.items.rb1).toBe(30_000);
    expect(t.sections.rollback).toBe(30_000);
    expect(t.rollbackMs).toBe(30_000);
    expect(t.failures).toBe(1);
    expect(t.totalMs).toBe(42_000);
  });

  it('counts a failed step once however many of its runs failed (a soak), and again in a later pass', () => {
    const run = (runId: string, pass: number, offset: number, result: 'pass' | 'fail') => [
      { type: 'command.started' as const, runId, section: 'smoke', item: 's1', pass, command: 'x', cwd: '/', log: 'l', purpose: 'watch' as const, offset },
      { type: 'command.finished' as const, runId, exitCode: result === 'pass' ? 0 : 1, signal: null, durationMs: 1, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result, reasons: [], offset: offset + 1 },
    ];
    const t = drillTimings(list, header, events([
      ...run('r1', 1, 1000, 'fail'),
      ...run('r2', 1, 2000, 'fail'),
      ...run('r3', 1, 3000, 'fail'),
      { type: 'item.marked', section: 'smoke', item: 's1', pass: 1, status: 'fail', offset: 4000 },
      ...run('r4', 2, 5000, 'fail'),
    ]));
    expect(t.failures).toBe(2);
  });

  it('compares with earlier drills: last, best, median and faster/slower', () => {
    const cmp = compareDrills(drill(20), [drill(40), drill(30), drill(60)]);
    expect(cmp.rollback).toMatchObject({ currentMs: 20_000, lastMs: 60_000, medianMs: 40_000, deltaMs: -20_000 });
    // every one of these drills FAILED (s1 failed): none is a time to beat, so there is no best (drill-best.ts)
    expect(cmp.rollback.bestMs).toBeUndefined();
    expect(describeDelta(cmp.rollback, formatDuration)).toBe('20.0s faster than median');
    expect(describeDelta(compareDrills(drill(20), []).rollback, formatDuration)).toBe('first drill');
  });

  it('counts a step walked twice (smoke after a rollback) per pass, not across the gap', () => {
    const fin = (runId: string, offset: number) => ({ type: 'command.finished' as const, runId, exitCode: 0, signal: null, durationMs: 1, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result: 'pass' as const, reasons: [], offset });
    const t = drillTimings(list, header, events([
      { type: 'command.started', runId: 'r1', section: 'smoke', item: 's1', pass: 1, command: 'x', cwd: '/', log: 'l', offset: 10_000 },
      fin('r1', 12_000),
      { type: 'pass.started', section: 'smoke', pass: 2, reason: 'after rollback', offset: 50_000 },
      { type: 'command.started', runId: 'r2', section: 'smoke', item: 's1', pass: 2, command: 'x', cwd: '/', log: 'l', offset: 60_000 },
      fin('r2', 61_000),
    ]));
    expect(t.items.s1).toBe(3000);
    expect(t.sections.smoke).toBe(3000);
  });
});


const finishedRun = (runId: string, offset: number, result: 'pass' | 'fail' = 'pass') => ({ type: 'command.finished' as const, runId, exitCode: result === 'pass' ? 0 : 1, signal: null, durationMs: 1, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result, reasons: [], offset });
const started = (runId: string, section: string, item: string, offset: number, purpose: 'check' | 'inject' = 'check') => ({ type: 'command.started' as const, runId, section, item, pass: 1, command: 'x', cwd: '/', log: 'l', purpose, offset });

describe('drill timings across a resume, triage and headless runs', () => {
  it('leaves out the time the session was not open (kill -9, then resume): a rollback started after the resume starts there', () => {
    const t = drillTimings(list, header, events([
      { type: 'session.started', pid: 1, offset: 0 },
      started('r1', 'smoke', 's1', 1_000),
      finishedRun('r1', 2_000, 'fail'),
      // killed here; resumed an hour later; the rollback step is marked 30 s after the resume
      { type: 'session.resumed', pid: 2, offset: 3_602_000 },
      { type: 'item.marked', section: 'rollback', item: 'rb1', pass: 1, status: 'pass', offset: 3_632_000 },
    ]));
    expect(t.pausedMs).toBe(3_600_000);
    expect(t.totalMs).toBe(32_000);
    expect(t.items.rb1).toBe(30_000);
    expect(t.rollbackMs).toBe(30_000);
    expect(t.finished).toBe(false);
  });

  it('a command step re-run after a resume does not count the pause', () => {
    const t = drillTimings(list, header, events([
      started('r1', 'rollback', 'rb1', 0),
      { type: 'session.resumed', pid: 2, offset: 600_000 },
      { type: 'command.interrupted', runId: 'r1', logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, reason: 'ended', offset: 600_001 },
      started('r2', 'rollback', 'rb1', 610_000),
      finishedRun('r2', 612_000),
    ]));
    expect(t.items.rb1).toBe(12_000);
  });

  it('a check run too early and re-run after the step that fixes it is timed by its own runs, not across that step', () => {
    const list2 = checklist({ sections: [{ id: 'rollback', title: 'Rollback', kind: 'rollback', items: [{ id: 'run', title: 'Switch back', run: 'x' }, { id: 'verify', title: 'Legacy serving', run: 'x' }] }] });
    const t = drillTimings(list2, header, events([
      started('v1', 'rollback', 'verify', 0),
      finishedRun('v1', 100, 'fail'),
      { type: 'cursor.moved', section: 'rollback', item: 'run', offset: 10_000 },
      started('r1', 'rollback', 'run', 15_000),
      finishedRun('r1', 15_200),
      started('v2', 'rollback', 'verify', 26_000),
      finishedRun('v2', 26_130),
    ]));
    expect(t.items.verify).toBe(230);
    expect(t.items.run).toBe(200);
    expect(t.sections.rollback).toBe(26_130);
  });

  it('a check that failed and then passed when run again is reported so, not as a failed rollback step', () => {
    const list2 = checklist({ sections: [{ id: 'rollback', title: 'Rollback', kind: 'rollback', items: [{ id: 'run', title: 'Switch back', run: 'x' }, { id: 'verify', title: 'Legacy serving', run: 'x' }] }] });
    const walk = (lastVerify: 'pass' | 'fail') => drillTimings(list2, header, events([
      started('v1', 'rollback', 'verify', 0),
      finishedRun('v1', 100, 'fail'),
      started('r1', 'rollback', 'run', 15_000),
      finishedRun('r1', 15_200),
      started('v2', 'rollback', 'verify', 26_000),
      finishedRun('v2', 26_130, lastVerify),
      { type: 'session.closed', reason: 'done', offset: 30_000 },
    ]));
    const recovered = walk('pass');
    expect(recovered.failedSteps).toEqual(['rollback/verify']);
    expect(drillResult(recovered)).toBe('failed'); // a red check on the night is still a finding
    expect(drillFindings(recovered)).toEqual(['failed, then passed when run again: rollback/verify']);
    expect(drillFindings(walk('fail'))).toEqual(['failed: rollback/verify']);
  });

  it('triage (an incident, a decision) before a manual rollback step is not the rollback\'s time', () => {
    const t = drillTimings(list, header, events([
      started('r1', 'smoke', 's1', 0),
      finishedRun('r1', 1_000, 'fail'),
      { type: 'incident.declared', incidentId: 'INC-1', severity: 'SEV0', title: 'down', offset: 120_000 },
      { type: 'decision.taken', decision: 'rollback', reason: 'SEV0', offset: 300_000 },
      { type: 'cursor.moved', section: 'rollback', item: 'rb1', offset: 301_000 },
      { type: 'item.marked', section: 'rollback', item: 'rb1', pass: 1, status: 'pass', offset: 310_000 },
    ]));
    expect(t.items.rb1).toBe(10_000);
    expect(t.rollbackMs).toBe(10_000);
  });

  it('steps a headless run did not run are not walked: no rollback time, not a rollback of 0 ms', () => {
    const t = drillTimings(list, header, events([
      started('r1', 'smoke', 's1', 0),
      finishedRun('r1', 1_000),
      { type: 'item.marked', section: 'rollback', item: 'rb1', pass: 1, status: 'not-run', note: 'manual item: not run headless', offset: 1_001 },
      { type: 'session.closed', reason: 'headless run complete', offset: 1_002 },
    ]));
    expect(t.rollbackMs).toBeUndefined();
    expect(t.sections.rollback).toBeUndefined();
    expect(t.items.rb1).toBeUndefined();
    expect(t.finished).toBe(true);
  });

  it('a fault whose inject command failed was not injected: the check failing after it is a failed step, not a caught fault', () => {
    const t = drillTimings(list, header, events([
      started('i1', 'smoke', 's1', 0, 'inject'),
      finishedRun('i1', 100, 'fail'), // e.g. the service was not started yet
      started('r1', 'smoke', 's1', 200),
      finishedRun('r1', 300, 'fail'),
      { type: 'session.closed', reason: 'done', offset: 400 },
    ]));
    expect(t.injectedFaults).toEqual([]);
    expect(t.injectionsFailed).toEqual(['smoke/s1']);
    expect(t.failedSteps).toEqual(['smoke/s1']);
    expect(drillResult(t)).toBe('failed');
    expect(drillFindings(t)).toEqual(['failed: smoke/s1', 'fault not injected (its inject command failed): smoke/s1']);
  });

  it('a failure an injected fault caused is a caught fault, not a failed step; a refused destructive step is recorded', () => {
    const t = drillTimings(list, header, events([
      started('i1', 'smoke', 's1', 0, 'inject'),
      finishedRun('i1', 100),
      started('r1', 'smoke', 's1', 200),
      finishedRun('r1', 300, 'fail'),
      started('r2', 'gates', 'g1', 400),
      finishedRun('r2', 500, 'fail'),
      { type: 'destructive.refused', section: 'rollback', item: 'rb1', reason: 'drill', offset: 600 },
      { type: 'item.marked', section: 'rollback', item: 'rb1', pass: 1, status: 'not-run', offset: 601 },
    ]));
    expect(t.injectedFaults).toEqual([{ step: 'smoke/s1', caught: true }]);
    expect(t.failedSteps).toEqual(['gates/g1']);
    expect(t.failures).toBe(1);
    expect(t.refusedSteps).toEqual(['rollback/rb1']);
    expect(t.items.s1).toBe(100); // the injection's own run is not the step's time
  });

  it('a check that failed before its fault was injected did not catch the fault: that failure counts', () => {
    const t = drillTimings(list, header, events([
      started('r1', 'smoke', 's1', 0),
      finishedRun('r1', 100, 'fail'),
      started('i1', 'smoke', 's1', 200, 'inject'),
      finishedRun('i1', 300),
    ]));
    expect(t.injectedFaults).toEqual([{ step: 'smoke/s1', caught: false }]);
    expect(t.failedSteps).toEqual(['smoke/s1']);
    expect(drillFindings(t)).toContain('failed: smoke/s1');
  });

  it('a smoke check failing while the injected fault is still in place is the fault\'s doing; after the rollback it counts again', () => {
    const t = drillTimings(list, header, events([
      started('i1', 'smoke', 's1', 0, 'inject'),
      finishedRun('i1', 100),
      started('r1', 'smoke', 's1', 200),
      finishedRun('r1', 300, 'fail'), // caught
      started('r2', 'smoke', 's2', 400),
      finishedRun('r2', 500, 'fail'), // e.g. the soak after it: the same fault
      started('r3', 'gates', 'g1', 550),
      finishedRun('r3', 560, 'fail'), // not a smoke check: a finding of its own
      started('r4', 'rollback', 'rb1', 600),
      finishedRun('r4', 700),
      { type: 'item.marked', section: 'smoke', item: 's2', pass: 2, status: 'fail', offset: 800 }, // smoke again after the rollback
      { type: 'session.closed', reason: 'done', offset: 900 },
    ]));
    expect(t.injectedFaults).toEqual([{ step: 'smoke/s1', caught: true }]);
    expect(t.failedUnderFault).toEqual(['smoke/s2']);
    expect(t.failedSteps).toEqual(['gates/g1', 'smoke/s2 (pass 2)']);
    expect(drillFindings(t)).toContain('failed while the injected fault was in place (not counted): smoke/s2');
  });

  it('a drill whose only failures are the injected fault\'s passes', () => {
    const t = drillTimings(list, header, events([
      started('i1', 'smoke', 's1', 0, 'inject'),
      finishedRun('i1', 100),
      started('r1', 'smoke', 's1', 200),
      finishedRun('r1', 300, 'fail'),
      { type: 'item.marked', section: 'smoke', item: 's2', pass: 1, status: 'fail', offset: 400 },
      started('r2', 'rollback', 'rb1', 600),
      finishedRun('r2', 700),
      { type: 'session.closed', reason: 'done', offset: 900 },
    ]));
    expect(t.failures).toBe(0);
    expect(drillResult(t)).toBe('passed');
  });
});
