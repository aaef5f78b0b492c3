// Did a drill pass, and what a release manager should know about it beyond its times.
import { describe, expect, it } from 'vitest';
import { drillChanges } from '../../src/domain/drill-changes.js';
import { drillFindings, drillResult } from '../../src/domain/drill-outcome.js';
import { compareDrills, describeDelta, type DrillTimings } from '../../src/domain/drill-timings.js';
import { formatDuration } from '../../src/domain/duration.js';
import { checklist } from './fixtures.js';

const drill = (over: Partial<DrillTimings> = {}): DrillTimings => ({
  sessionId: 's', startedAt: '2026-11-22T10:00:00.000Z', ticket: 'D-1', operator: 'op', checklistVersion: '1', finished: true,
  totalMs: 60_000, pausedMs: 0, rollbackMs: 20_000, failures: 0, failedSteps: [], passedWhenRerun: [], failedUnderFault: [], refusedSteps: [], injectedFaults: [], injectionsFailed: [],
  sections: { smoke: 10_000, rollback: 20_000 }, items: { s1: 10_000, rb1: 20_000 }, ...over,
});

describe('a drill\'s result', () => {
  it('passes when finished with every injected fault caught and nothing failed or refused', () => {
    const d = drill({ injectedFaults: [{ step: 'smoke/s1', caught: true }] });
    expect(drillResult(d)).toBe('passed');
    expect(drillFindings(d)).toEqual(['injected fault caught: smoke/s1']);
  });

  it('fails on a failed step, a refused destructive step, or an injected fault no check caught', () => {
    expect(drillResult(drill({ failures: 1, failedSteps: ['smoke/s1'] }))).toBe('failed');
    expect(drillResult(drill({ refusedSteps: ['rollback/rb1'] }))).toBe('failed');
    const missed = drill({ injectedFaults: [{ step: 'smoke/s1', caught: false }] });
    expect(drillResult(missed)).toBe('failed');
    expect(drillFindings(missed)).toEqual(['injected fault not caught: smoke/s1']);
  });

  it('an interrupted drill is unfinished, and says how long it was not open', () => {
    const d = drill({ finished: false, pausedMs: 42_000 });
    expect(drillResult(d)).toBe('unfinished');
    expect(drillFindings(d)).toEqual(['not finished (left open or interrupted)', '42.0s while the session was not open is not counted']);
    expect(drillFindings(d, { ongoing: true })).toEqual(['42.0s while the session was not open is not counted']);
  });
});

describe('comparing drills', () => {
  it('compares rollback only with drills that walked it, and says when a measure has no earlier time', () => {
    const cmp = compareDrills(drill({ totalMs: 60_000 }), [drill({ totalMs: 40_000, rollbackMs: undefined }), drill({ totalMs: 50_000 })]);
    expect(cmp.total).toMatchObject({ medianMs: 45_000, deltaMs: 15_000 });
    expect(cmp.rollback).toMatchObject({ medianMs: 20_000, lastMs: 20_000 });
    expect(describeDelta(compareDrills(drill(), [drill({ rollbackMs: undefined })]).rollback, formatDuration)).toBe('no earlier time');
    expect(describeDelta(compareDrills(drill(), []).rollback, formatDuration)).toBe('first drill');
  });

  it('an earlier drill left unfinished is no total to compare with (it stopped part way); its steps still are', () => {
    const cmp = compareDrills(drill({ totalMs: 100_000 }), [drill({ totalMs: 170_000, finished: false }), drill({ totalMs: 120_000 })]);
    expect(cmp.total).toMatchObject({ medianMs: 120_000, bestMs: 120_000, lastMs: 120_000, deltaMs: -20_000 });
    expect(cmp.rollback).toMatchObject({ medianMs: 20_000 });
    const onlyUnfinished = compareDrills(drill(), [drill({ totalMs: 170_000, finished: false })]);
    expect(describeDelta(onlyUnfinished.total, formatDuration)).toBe('no earlier time');
    expect(drillChanges(checklist(), drill({ totalMs: 30_000 }), [drill({ totalMs: 170_000, finished: false })]).map((c) => c.what)).not.toContain('total');
  });

  it('names the steps of the latest drill that got slower or faster, biggest change first', () => {
    const list = checklist();
    const earlier = [drill(), drill({ items: { s1: 10_000, rb1: 21_000 } })];
    const latest = drill({ totalMs: 90_000, rollbackMs: 50_000, sections: { smoke: 8_000, rollback: 50_000 }, items: { s1: 8_000, rb1: 50_000 } });
    expect(drillChanges(list, latest, earlier).map((c) => [c.what, c.deltaMs])).toEqual([
      ['total', 30_000],
      ['rollback', 30_000],
      // the only rollback section is the "rollback" line already
      ['rollback/rb1', 29_500],
      ['section smoke', -2_000],
      ['smoke/s1', -2_000],
    ]);
    expect(drillChanges(list, { ...latest, finished: false }, earlier).map((c) => c.what)).not.toContain('total');
  });
});
