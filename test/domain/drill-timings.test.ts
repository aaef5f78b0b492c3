import { describe, expect, it } from 'vitest';
import { compareDrills, describeDelta, drillTimings } from '../../src/domain/drill-timings.js';
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
    expect(cmp.rollback).toMatchObject({ currentMs: 20_000, lastMs: 60_000, bestMs: 30_000, medianMs: 40_000, deltaMs: -20_000 });
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

