// A mark's note belongs to that mark: a later result (a run finishing or cut short, a soak cut short
// by a crash) is not shown with it. The earlier note stays in the event log and the report timeline.
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events.js';
import { renderReport } from '../../src/domain/report.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

const list = checklist();
const excerpt = { head: '', tail: '', truncated: false };
const HAND = 'verified by hand, all good';
const SOAK = 'soak: 3 of 3 runs passed over 1m, every 20s';

const started = (runId: string, purpose: 'check' | 'watch' = 'check'): EventBody => ({ type: 'command.started', runId, section: 'smoke', item: 's1', pass: 1, command: 'curl x', edited: false, purpose, cwd: '/', log: `x.runs/${runId}.log` });
const finished = (runId: string, result: 'pass' | 'fail'): EventBody => ({
  type: 'command.finished', runId, exitCode: result === 'pass' ? 0 : 1, signal: null, durationMs: 5, timedOut: false, cancelled: false,
  stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: '', excerpt, redactions: 0, result, reasons: result === 'pass' ? [] : ['exit code 1, expected 0'],
});
const interrupted = (runId: string): EventBody => ({ type: 'command.interrupted', runId, logBytes: 0, logSha256: '', excerpt, reason: 'the process recording this run ended before the run finished' });
const marked = (status: 'pass' | 'fail', note: string): EventBody => ({ type: 'item.marked', section: 'smoke', item: 's1', pass: 1, status, note });

function fold(bodies: EventBody[]) {
  const evidence = events(bodies);
  const state = foldEvents(header, evidence);
  return { state, report: renderReport({ header, state, checklist: list, events: evidence, evaluation: evaluateRules(list, state) }) };
}

describe("an item's note after a new result", () => {
  it('a failing run after a pass marked by hand: FAIL without the pass note, which the timeline keeps', () => {
    const { state, report } = fold([marked('pass', HAND), started('r0001'), finished('r0001', 'fail')]);
    expect(state.items['smoke/s1']).toMatchObject({ status: 'fail', note: '' });
    expect(report).not.toContain(`Note: ${HAND}`);
    expect(report).toContain(`marked **PASS** — ${HAND}`);
  });

  it('a run under way does not show the earlier mark note as its own', () => {
    expect(fold([marked('pass', HAND), started('r0001')]).state.items['smoke/s1']).toMatchObject({ status: 'running', note: '' });
  });

  it("a soak's note is not shown under its interrupted re-run", () => {
    const { state, report } = fold([started('r0001', 'watch'), finished('r0001', 'pass'), marked('pass', SOAK), started('r0002', 'watch'), { type: 'session.resumed', pid: 1 }, interrupted('r0002')]);
    expect(state.items['smoke/s1']).toMatchObject({ status: 'interrupted', note: '' });
    expect(report).not.toContain(`Note: ${SOAK}`);
    expect(report).toContain(`marked **PASS** — ${SOAK}`);
  });

  it('nor under a re-soak a crash cut short between two runs', () => {
    const bodies = [started('r0001', 'watch'), finished('r0001', 'pass'), marked('pass', SOAK), started('r0002', 'watch'), finished('r0002', 'pass'), { type: 'session.resumed' as const, pid: 1 }];
    expect(fold(bodies).state.items['smoke/s1']).toMatchObject({ status: 'interrupted', note: '' });
  });

  it('a new mark carries its own note, and earlier passes keep theirs', () => {
    const { state } = fold([marked('fail', 'red'), marked('pass', HAND)]);
    expect(state.items['smoke/s1']?.note).toBe(HAND);
    const again = fold([marked('pass', HAND), { type: 'pass.started', section: 'smoke', pass: 2, reason: 'after rollback' }]);
    expect(again.state.history['smoke/s1#1']?.note).toBe(HAND);
  });
});
