// A drill left open part way through a section: that section's time so far (and the rollback's, when
// the drill stopped in it) is shown, not compared as faster than the drills that walked it whole.
import { describe, expect, it } from 'vitest';
import { drillChanges } from '../../src/domain/drill-changes.js';
import { compareDrills, drillTimings } from '../../src/domain/drill-timings.js';
import { renderReport } from '../../src/domain/report.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { summaryRows } from '../../src/ui/screens/drill/drill-rows.js';
import { checklist, events, header } from '../domain/fixtures.js';

const list = checklist();
const drillHeader = { ...header, mode: 'drill' as const };
const fin = (runId: string, offset: number) => ({ type: 'command.finished' as const, runId, exitCode: 0, signal: null, durationMs: 1, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result: 'pass' as const, reasons: [], offset });
const started = (runId: string, section: string, item: string, offset: number) => ({ type: 'command.started' as const, runId, section, item, pass: 1, command: 'x', cwd: '/', log: 'l', offset });

/** Smoke walked whole (s1 run, s2 marked 60s later), then the rollback, and finished. */
const whole = drillTimings(list, drillHeader, events([
  { type: 'session.started', pid: 1, offset: 0 },
  started('r1', 'smoke', 's1', 1_000),
  fin('r1', 2_000),
  { type: 'item.marked', section: 'smoke', item: 's2', pass: 1, status: 'pass', offset: 62_000 },
  started('r2', 'rollback', 'rb1', 63_000),
  fin('r2', 73_000),
  { type: 'session.closed', reason: 'done', offset: 74_000 },
]));

/** Left open after s1: the smoke section (s2 still to do) stopped with the drill. */
const leftInSmoke = events([
  { type: 'session.started', pid: 1, offset: 0 },
  started('r1', 'smoke', 's1', 1_000),
  fin('r1', 2_000),
  { type: 'session.left', reason: 'quit', offset: 3_000 },
]);

describe('a section an unfinished drill stopped in', () => {
  const current = drillTimings(list, drillHeader, leftInSmoke);

  it('is not among the latest drill\'s changes (cutover drills)', () => {
    expect(current.sections.smoke).toBe(1_000);
    const what = drillChanges(list, current, [whole, whole]).map((c) => c.what);
    expect(what).not.toContain('section smoke');
  });

  it('is "so far" in the D summary, not faster', () => {
    const smoke = summaryRows(list, current, [whole]).find((r) => r.step === 'Smoke');
    expect(smoke).toMatchObject({ now: '1.0s', vs: 'so far' });
  });

  it('is "so far" in the report', () => {
    const state = foldEvents(drillHeader, leftInSmoke);
    const text = renderReport({ header: drillHeader, state, checklist: list, events: leftInSmoke, evaluation: evaluateRules(list, state), drill: { comparison: compareDrills(current, [whole]), earlier: 1 } });
    expect(text).toMatch(/\| Smoke \(section\) \| 1\.0s \| 1m01s \| 1m01s \| 1m01s \| so far: the drill is not finished \|/);
  });

  it('a section walked whole before the drill was left is still compared', () => {
    const leftAfterSmoke = drillTimings(list, drillHeader, events([
      { type: 'session.started', pid: 1, offset: 0 },
      started('r1', 'smoke', 's1', 1_000),
      fin('r1', 2_000),
      { type: 'item.marked', section: 'smoke', item: 's2', pass: 1, status: 'pass', offset: 3_000 },
      { type: 'session.left', reason: 'quit', offset: 4_000 },
    ]));
    expect(drillChanges(list, leftAfterSmoke, [whole]).map((c) => c.what)).toContain('section smoke');
    expect(summaryRows(list, leftAfterSmoke, [whole]).find((r) => r.step === 'Smoke')?.vs).toBe('59.0s faster');
  });

  it('a rollback the drill stopped in is "so far" too', () => {
    const twoStepRollback = checklist({
      sections: [...list.sections.filter((s) => s.kind !== 'rollback'), { id: 'rollback', title: 'Rollback', kind: 'rollback', items: [{ id: 'rb1', title: 'Switch back', run: 'true' }, { id: 'rb2', title: 'Verify' }] }],
    });
    const leftInRollback = drillTimings(twoStepRollback, drillHeader, events([
      { type: 'session.started', pid: 1, offset: 0 },
      started('r2', 'rollback', 'rb1', 1_000),
      fin('r2', 2_000),
      { type: 'session.left', reason: 'quit', offset: 3_000 },
    ]));
    expect(drillChanges(twoStepRollback, leftInRollback, [whole]).map((c) => c.what)).not.toContain('rollback');
    expect(summaryRows(twoStepRollback, leftInRollback, [whole]).find((r) => r.step === 'rollback')?.vs).toBe('so far');
  });
});
