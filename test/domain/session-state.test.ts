import { describe, expect, it } from 'vitest';
import { foldEvents, inFlightRuns, itemKey, reduce, initialState } from '../../src/domain/session-state.js';
import { events, header } from './fixtures.js';

const finished = (runId: string, result: 'pass' | 'fail') => ({
  type: 'command.finished' as const, runId, exitCode: result === 'pass' ? 0 : 1, signal: null, durationMs: 5, timedOut: false, cancelled: false,
  stdoutBytes: 3, stderrBytes: 0, logBytes: 3, logSha256: 'x', excerpt: { head: 'ok\n', tail: '', truncated: false }, redactions: 0, result, reasons: [],
});
const started = (runId: string, item: string, pass = 1, purpose: 'check' | 'inject' | 'watch' = 'check') => ({
  type: 'command.started' as const, runId, section: 'smoke', item, pass, command: 'true', cwd: '/', log: `x/${runId}.log`, purpose,
});

describe('session reducer', () => {
  it('a soak is not passed by its runs, only by its end: cut short by a crash between two runs, a resume makes it interrupted', () => {
    const soaking = [
      { type: 'session.started' as const, pid: 1 },
      started('r1', 's1', 1, 'watch'),
      finished('r1', 'pass'),
      started('r2', 's1', 1, 'watch'),
      finished('r2', 'pass'),
    ];
    // the writer died here, between two runs of a 60 s soak
    expect(foldEvents(header, events(soaking)).items['smoke/s1']?.status).toBe('running');
    const resumed = foldEvents(header, events([...soaking, { type: 'session.resumed', pid: 2 }]));
    expect(resumed.items['smoke/s1']).toMatchObject({ status: 'interrupted', soakOpen: false });
    // a soak that ends is marked by its end
    const ended = foldEvents(header, events([...soaking, { type: 'item.marked', section: 'smoke', item: 's1', pass: 1, status: 'pass', note: 'soak: 2 of 2 runs passed' }]));
    expect(ended.items['smoke/s1']?.status).toBe('pass');
    // a run that fails fails the soak at once
    const failing = foldEvents(header, events([...soaking, started('r3', 's1', 1, 'watch'), finished('r3', 'fail')]));
    expect(failing.items['smoke/s1']?.status).toBe('fail');
  });

  it('folds runs into item status and keeps earlier passes after a new pass', () => {
    const state = foldEvents(header, events([
      { type: 'session.started', pid: 1 },
      started('r1', 's1'),
      finished('r1', 'fail'),
      { type: 'pass.started', section: 'smoke', pass: 2, reason: 'after rollback' },
      started('r2', 's1', 2),
      finished('r2', 'pass'),
    ]));
    expect(state.items[itemKey('smoke', 's1')]?.status).toBe('pass');
    expect(state.history['smoke/s1#1']?.status).toBe('fail');
    expect(state.history['smoke/s1#2']?.status).toBe('pass');
    expect(state.passes.smoke).toBe(2);
    expect(state.lastSeq).toBe(6);
  });

  it('reports a run with no finish as in flight, and an interruption as interrupted', () => {
    const crashed = foldEvents(header, events([{ type: 'session.started', pid: 1 }, started('r1', 's1')]));
    expect(inFlightRuns(crashed).map((r) => r.runId)).toEqual(['r1']);
    expect(crashed.items['smoke/s1']?.status).toBe('running');
    const resumed = foldEvents(header, events([
      { type: 'session.started', pid: 1 },
      started('r1', 's1'),
      { type: 'session.resumed', pid: 2 },
      { type: 'command.interrupted', runId: 'r1', logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, reason: 'died' },
    ]));
    expect(inFlightRuns(resumed)).toEqual([]);
    expect(resumed.items['smoke/s1']?.status).toBe('interrupted');
  });

  it('does not let a fault injection change the item result', () => {
    const state = foldEvents(header, events([started('r1', 's1', 1, 'inject'), finished('r1', 'pass')]));
    expect(state.items['smoke/s1']).toBeUndefined();
    expect(state.runs.r1?.finished?.result).toBe('pass');
  });

  it('records incidents, resolution, decisions, roles, T0 and cursor', () => {
    const state = foldEvents(header, events([
      { type: 'role.assigned', role: 'rm', name: 'Ada', tbd: false },
      { type: 't0.marked', at: '2026-11-22T00:00:05.000Z' },
      { type: 'incident.declared', incidentId: 'INC-1', severity: 'SEV0', title: 'down' },
      { type: 'incident.resolved', incidentId: 'INC-1', note: 'fixed' },
      { type: 'decision.taken', decision: 'rollback', reason: 'SEV0' },
      { type: 'item.marked', section: 'smoke', item: 's2', pass: 1, status: 'skip', note: 'n/a' },
    ]));
    expect(state.roles.rm?.name).toBe('Ada');
    expect(state.t0).toBe('2026-11-22T00:00:05.000Z');
    expect(state.incidents[0]?.resolvedAt).toBeDefined();
    expect(state.decisions[0]?.decision).toBe('rollback');
    expect(state.cursor).toEqual({ section: 'smoke', item: 's2' });
  });

  it('reduce leaves the previous state untouched', () => {
    const before = initialState(header);
    const [event] = events([{ type: 'role.assigned', role: 'rm', name: 'Ada' }]);
    const after = reduce(before, event!);
    expect(before.roles).toEqual({});
    expect(after.roles.rm?.name).toBe('Ada');
  });
});
