// Rule evaluation against what a real incident night produces: incidents declared, resolved and
// declared again, the 24h window at its edges, events out of clock order after a resume, failed
// checks across passes and soaks, several rules at once, and a decision followed by new evidence.
import { describe, expect, it } from 'vitest';
import { headlineWithDecision } from '../../src/domain/recommendation-decision.js';
import { unmetRequirements } from '../../src/domain/section-requirements.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules, ruleChanges } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

type Body = Parameters<typeof events>[0][number];
const list = checklist();
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const declared = (id: string, severity: string, offset: number): Body => ({ type: 'incident.declared', incidentId: id, severity, title: id, offset });
const resolved = (id: string, offset: number): Body => ({ type: 'incident.resolved', incidentId: id, note: 'fixed', offset });
const decided = (decision: 'rollback' | 'fix-forward' | 'keep', offset: number): Body => ({ type: 'decision.taken', decision, reason: 'IC call', offset });
const marked = (section: string, item: string, status: 'pass' | 'fail', offset: number, pass = 1): Body => ({ type: 'item.marked', section, item, pass, status, offset });
/** One run of the smoke soak s1. */
const soakRun = (runId: string, result: 'pass' | 'fail', at: number): Body[] => [
  { type: 'command.started', runId, section: 'smoke', item: 's1', pass: 1, command: 'curl x', edited: false, purpose: 'watch', cwd: '/', log: `${runId}.log`, offset: at },
  {
    type: 'command.finished', runId, exitCode: result === 'pass' ? 0 : 1, signal: null, durationMs: 10, timedOut: false, cancelled: false,
    stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result,
    reasons: result === 'pass' ? [] : ['exit 1'], offset: at + 10,
  },
];
const offset = (iso: string): string => `T+${Math.round((Date.parse(iso) - Date.parse(header.createdAt)) / 60_000)}m`;

/** Folds the bodies the way a session does: after each event, the rule changes it causes are recorded. */
function night(bodies: Body[], rules = list) {
  const recorded: Body[] = [];
  for (const body of bodies) {
    recorded.push(body);
    const state = foldEvents(header, events(recorded));
    const at = body.offset ?? 0;
    for (const change of ruleChanges(evaluateRules(rules, state), state)) recorded.push({ ...change, offset: at } as Body);
  }
  const state = foldEvents(header, events(recorded));
  return { state, evaluation: evaluateRules(rules, state), recorded };
}

describe('incidents declared, resolved, declared again', () => {
  it('recommends rollback again when a second SEV0 follows a resolved one', () => {
    const { evaluation, recorded } = night([declared('INC-1', 'SEV0', 0), resolved('INC-1', HOUR), declared('INC-2', 'SEV0', 2 * HOUR)]);
    expect(evaluation.recommendation).toBe('rollback');
    expect(recorded.filter((e) => e.type === 'rule.fired' || e.type === 'rule.cleared').map((e) => e.type)).toEqual(['rule.fired', 'rule.cleared', 'rule.fired']);
  });

  it('keeps counting a resolved SEV1 toward 2+ SEV1 within 24h', () => {
    const { evaluation } = night([declared('INC-1', 'SEV1', 0), resolved('INC-1', HOUR), declared('INC-2', 'SEV1', 5 * HOUR), resolved('INC-2', 6 * HOUR)]);
    expect(evaluation.recommendation).toBe('consider-rollback');
    expect(evaluation.headline).toBe('CONSIDER ROLLBACK — 2 SEV1 declared within 24h: 2+ SEV1 within 24h => consider rollback');
  });
});

describe('the 24h window at its edges', () => {
  it('counts two SEV1 exactly 24h apart, not 24h and 1ms apart', () => {
    expect(night([declared('INC-1', 'SEV1', 0), declared('INC-2', 'SEV1', DAY)]).evaluation.recommendation).toBe('consider-rollback');
    expect(night([declared('INC-1', 'SEV1', 0), declared('INC-2', 'SEV1', DAY + 1)]).evaluation.recommendation).toBe('none');
  });

  it('counts incidents whose clock runs backwards after a resume on another host', () => {
    // INC-2 is recorded after INC-1 but stamped 3h earlier: the window is about their distance, not their order.
    expect(night([declared('INC-1', 'SEV1', 5 * HOUR), declared('INC-2', 'SEV1', 2 * HOUR)]).evaluation.recommendation).toBe('consider-rollback');
  });

  it('finds the pair inside the window among incidents spread over days', () => {
    const spread = [0, 30 * HOUR, 60 * HOUR, 61 * HOUR].map((at, i) => declared(`INC-${i + 1}`, 'SEV1', at));
    expect(night(spread).evaluation.headline).toContain('2 SEV1 declared within 24h');
  });
});

describe('failed checks across passes and soaks', () => {
  const smokeRules = checklist({
    severity: {
      levels: [{ id: 'SEV0', title: 'Critical' }],
      rules: [
        { id: 'smoke-twice', text: '2+ failed smoke checks => consider rollback', when: { failedChecks: 2, section: 'smoke' }, recommend: 'consider-rollback' },
        { id: 'smoke-once', text: 'a failed smoke check => hold', when: { failedChecks: 1, section: 'smoke' }, recommend: 'hold' },
      ],
    },
  });

  it('still counts a soak whose run failed when the writer died mid-soak and the session was resumed', () => {
    const started = soakRun('r2', 'pass', 30_000)[0] as Body;
    const { evaluation } = night([...soakRun('r1', 'fail', 0), started, { type: 'session.resumed', pid: 2, offset: HOUR }], smokeRules);
    expect(evaluation.headline).toBe('HOLD — 1 check failed in smoke: a failed smoke check => hold');
  });

  it('does not count a soak with a failed run that the operator then marked passed', () => {
    const { evaluation } = night([...soakRun('r1', 'fail', 0), ...soakRun('r2', 'pass', 30_000), marked('smoke', 's1', 'pass', 60_000)], smokeRules);
    expect(evaluation.recommendation).toBe('none');
  });

  it('no longer counts a check that failed in pass 1 and passed in pass 2 after the rollback', () => {
    const { evaluation } = night(
      [marked('smoke', 's1', 'fail', 0), { type: 'pass.started', section: 'smoke', pass: 2, reason: 'after rollback', offset: HOUR }, marked('smoke', 's1', 'pass', 2 * HOUR, 2)],
      smokeRules,
    );
    expect(evaluation.recommendation).toBe('none');
  });

  it('shows the strongest of several firing rules, and lists all of them', () => {
    const { evaluation } = night([marked('smoke', 's1', 'fail', 0), marked('smoke', 's2', 'fail', 1000)], smokeRules);
    expect(evaluation.firing.map((f) => f.rule.id)).toEqual(['smoke-twice', 'smoke-once']);
    expect(evaluation.headline).toBe('CONSIDER ROLLBACK — 2 checks failed in smoke: 2+ failed smoke checks => consider rollback');
  });

  it('counts a soak whose run failed midway even when a later run of it passed', () => {
    const { evaluation } = night([...soakRun('r1', 'pass', 0), ...soakRun('r2', 'fail', 30_000), ...soakRun('r3', 'pass', 60_000)], smokeRules);
    expect(evaluation.recommendation).toBe('hold');
  });
});

describe('a decision, then new evidence', () => {
  it('brings the recommendation back unanswered when a new SEV0 is declared after the decision', () => {
    const { state, evaluation } = night([declared('INC-1', 'SEV0', 0), decided('fix-forward', 10 * 60_000), declared('INC-2', 'SEV0', 20 * 60_000)]);
    expect(headlineWithDecision(evaluation, state, offset)).toBe('ROLLBACK RECOMMENDED — 2 SEV0 open: any SEV0 => rollback');
  });

  it('keeps the decision when the new evidence only makes things better (one of two SEV0 resolved)', () => {
    const { state, evaluation } = night([declared('INC-1', 'SEV0', 0), declared('INC-2', 'SEV0', 60_000), decided('rollback', 10 * 60_000), resolved('INC-2', 20 * 60_000)]);
    expect(headlineWithDecision(evaluation, state, offset)).toBe('ROLLBACK RECOMMENDED · rollback decided T+10m by op — SEV0 open: any SEV0 => rollback');
  });

  it('keeps a rollback decision when only a SEV2 follows: the SEV0 rule does not count it', () => {
    const { state, evaluation } = night([declared('INC-1', 'SEV0', 0), decided('rollback', 60_000), declared('INC-2', 'SEV2', 120_000)], checklist({
      severity: { ...list.severity, levels: [...list.severity.levels, { id: 'SEV2', title: 'Minor', criteria: [] }] },
    }));
    expect(headlineWithDecision(evaluation, state, offset)).toBe('ROLLBACK RECOMMENDED · rollback decided T+1m by op — SEV0 open: any SEV0 => rollback');
  });

  it('brings the recommendation back when another smoke check fails after the decision', () => {
    const rules = checklist({ severity: { levels: [], rules: [{ id: 'smoke', text: 'smoke failure => hold', when: { failedChecks: 1, section: 'smoke' }, recommend: 'hold' }] } });
    const { state, evaluation } = night([marked('smoke', 's1', 'fail', 0), decided('keep', 60_000), marked('smoke', 's2', 'fail', 120_000)], rules);
    expect(headlineWithDecision(evaluation, state, offset)).toBe('HOLD — 2 checks failed in smoke: smoke failure => hold');
  });

  it('keeps a decision taken after a soak run failed when the soak ends marked failed', () => {
    const rules = checklist({ severity: { levels: [], rules: [{ id: 'smoke', text: 'smoke failure => hold', when: { failedChecks: 1, section: 'smoke' }, recommend: 'hold' }] } });
    const { state, evaluation } = night([...soakRun('r1', 'fail', 0), decided('rollback', 60_000), ...soakRun('r2', 'pass', 90_000), marked('smoke', 's1', 'fail', 120_000)], rules);
    expect(headlineWithDecision(evaluation, state, offset)).toBe('HOLD · rollback decided T+1m by op — 1 check failed in smoke: smoke failure => hold');
  });

  it('credits a decision taken after the evidence when the writer died before recording rule.fired', () => {
    const state = foldEvents(header, events([declared('INC-1', 'SEV0', 0), decided('rollback', 60_000)]));
    expect(headlineWithDecision(evaluateRules(list, state), state, offset)).toBe('ROLLBACK RECOMMENDED · rollback decided T+1m by op — SEV0 open: any SEV0 => rollback');
  });

  it('answers a stronger rule that fires after the decision only with a later decision', () => {
    const { state, evaluation } = night([declared('INC-1', 'SEV1', 0), declared('INC-2', 'SEV1', 1000), decided('keep', 60_000), declared('INC-3', 'SEV0', 120_000)]);
    expect(headlineWithDecision(evaluation, state, offset)).toBe('ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback');
    const later = night([declared('INC-1', 'SEV1', 0), declared('INC-2', 'SEV1', 1000), decided('keep', 60_000), declared('INC-3', 'SEV0', 120_000), decided('rollback', 180_000)]);
    expect(headlineWithDecision(later.evaluation, later.state, offset)).toBe('ROLLBACK RECOMMENDED · rollback decided T+3m by op — SEV0 open: any SEV0 => rollback');
  });
});

describe('the headline on one line', () => {
  const rule = (extra: object) =>
    checklist({ severity: { levels: [{ id: 'SEV0', title: 'Critical' }], rules: [{ id: 'r', text: 'any SEV0 => rollback', when: { severity: 'SEV0' }, recommend: 'rollback', ...extra }] } });
  const open = [declared('INC-1', 'SEV0', 0)];

  it('folds a multi-line rule text and unless (YAML block scalars) into one line', () => {
    const { evaluation } = night(open, rule({ text: 'any SEV0\n=> rollback\n', unless: 'root cause is isolated\nand mitigation verified\n' }));
    expect(evaluation.headline).toBe('ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback (unless root cause is isolated and mitigation verified)');
  });

  it('does not double an unless that starts with the word itself, and shows no empty one', () => {
    expect(night(open, rule({ unless: 'Unless the root cause is isolated' })).evaluation.headline).toBe('ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback (unless the root cause is isolated)');
    expect(night(open, rule({ unless: '  ' })).evaluation.headline).toBe('ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback');
  });
});

describe('an override of a roll-forward requirement', () => {
  const gated = checklist({
    sections: [
      { id: 'gates', title: 'Gates', kind: 'gates', items: [{ id: 'g1', title: 'Preflight', run: 'true' }] },
      { id: 'rollforward', title: 'Roll forward', kind: 'rollforward', requires: { noOpenIncidents: true }, items: [{ id: 'rf1', title: 'Re-apply', run: 'true' }] },
    ],
  });
  const override = (unmet: string[], offset: number): Body => ({ type: 'override.recorded', section: 'rollforward', reason: 'SEV1 understood', unmet, offset });

  it('covers the incidents it named, not a SEV0 declared after it', () => {
    const covered = foldEvents(header, events([declared('INC-1', 'SEV1', 0), override(['open incidents: INC-1 (SEV1)'], 60_000)]));
    expect(unmetRequirements(gated, covered, 'rollforward')).toEqual([]);
    const later = foldEvents(header, events([declared('INC-1', 'SEV1', 0), override(['open incidents: INC-1 (SEV1)'], 60_000), declared('INC-2', 'SEV0', 120_000)]));
    expect(unmetRequirements(gated, later, 'rollforward')).toEqual(['open incidents: INC-1 (SEV1), INC-2 (SEV0)']);
  });
});
