// A gate that failed has not passed while it is run again, nor when that re-run is cut short (cutover
// killed mid-run, the run recorded interrupted on resume): the HOLD its failure fired stays until a
// run or a mark gives the gate a new result.
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events.js';
import { decisionOnRecommendation } from '../../src/domain/recommendation-decision.js';
import { renderReport } from '../../src/domain/report.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules, ruleChanges } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

const rule = { id: 'gate-failed', text: 'a failed gate => hold', when: { failedChecks: 1, section: 'gates' }, recommend: 'hold' as const };
const list = checklist({ severity: { levels: [], rules: [rule] } });
const HOLD = 'HOLD — 1 check failed in gates: a failed gate => hold';
const excerpt = { head: '', tail: '', truncated: false };

let n = 0;
const started = (runId: string, item = 'g1', section = 'gates'): EventBody => ({ type: 'command.started', runId, section, item, pass: 1, command: 'true', edited: false, purpose: 'check', cwd: '/', log: `x.runs/${runId}.log` });
const finished = (runId: string, result: 'pass' | 'fail'): EventBody => ({
  type: 'command.finished', runId, exitCode: result === 'pass' ? 0 : 1, signal: null, durationMs: 5, timedOut: false, cancelled: false,
  stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: '', excerpt, redactions: 0, result, reasons: result === 'pass' ? [] : ['exit code 1, expected 0'],
});
const interrupted = (runId: string): EventBody => ({ type: 'command.interrupted', runId, logBytes: 0, logSha256: '', excerpt, reason: 'the process recording this run ended before the run finished' });
const run = (result: 'pass' | 'fail'): EventBody[] => {
  const runId = `r${String(++n).padStart(4, '0')}`;
  return [started(runId), finished(runId, result)];
};
const fired: EventBody = { type: 'rule.fired', rule: 'gate-failed', recommend: 'hold', text: rule.text, reason: '1 check failed in gates' };

function fold(bodies: EventBody[]) {
  const evidence = events(bodies);
  const state = foldEvents(header, evidence);
  const evaluation = evaluateRules(list, state);
  return { state, evaluation, evidence };
}

describe('a failed gate run again', () => {
  it('still holds while the re-run is under way: no rule.cleared', () => {
    const { state, evaluation } = fold([...run('fail'), fired, started('r0900')]);
    expect(state.items['gates/g1']?.status).toBe('running');
    expect(evaluation.headline).toBe(HOLD);
    expect(ruleChanges(evaluation, state)).toEqual([]);
  });

  it('still holds after the re-run was interrupted, in the header and in the report', () => {
    const { state, evaluation, evidence } = fold([...run('fail'), fired, started('r0901'), { type: 'session.resumed', pid: 1 }, interrupted('r0901')]);
    expect(state.items['gates/g1']?.status).toBe('interrupted');
    expect(evaluation.headline).toBe(HOLD);
    expect(ruleChanges(evaluation, state)).toEqual([]);
    const report = renderReport({ header, state, checklist: list, events: evidence, evaluation });
    expect(report).toContain(`> **Recommendation:** ${HOLD}`);
    expect(report).not.toContain('No rule firing');
  });

  it('still holds when the failure was a mark, not a run', () => {
    const { evaluation } = fold([{ type: 'item.marked', section: 'gates', item: 'g1', pass: 1, status: 'fail', note: 'preflight red' }, fired, started('r0902'), interrupted('r0902')]);
    expect(evaluation.headline).toBe(HOLD);
  });

  it('keeps the decision taken on the failure as its answer: the cut-short re-run is no new evidence', () => {
    const decided: EventBody = { type: 'decision.taken', decision: 'hold', reason: 'investigating the gate' };
    const { state, evaluation } = fold([...run('fail'), fired, decided, started('r0903'), interrupted('r0903')]);
    expect(decisionOnRecommendation(evaluation, state)).toMatchObject({ decision: 'hold' });
  });

  it('clears once a re-run passes, or the operator marks the gate passed', () => {
    const passed = fold([...run('fail'), fired, started('r0904'), interrupted('r0904'), ...run('pass')]);
    expect(passed.evaluation.recommendation).toBe('none');
    expect(ruleChanges(passed.evaluation, passed.state)).toEqual([{ type: 'rule.cleared', rule: 'gate-failed', reason: 'condition no longer holds' }]);
    const marked = fold([...run('fail'), fired, started('r0905'), interrupted('r0905'), { type: 'item.marked', section: 'gates', item: 'g1', pass: 1, status: 'pass', note: 'checked by hand' }]);
    expect(marked.evaluation.recommendation).toBe('none');
  });

  it('does not fire for a gate that passed and whose re-run was cut short', () => {
    expect(fold([...run('pass'), started('r0906'), interrupted('r0906')]).evaluation.recommendation).toBe('none');
  });
});
