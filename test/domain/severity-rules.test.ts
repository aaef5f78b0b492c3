import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../src/domain/session-state.js';
import { decisionOnRecommendation } from '../../src/domain/recommendation-decision.js';
import { evaluateRules, manualTriggers, ruleChanges } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

const list = checklist();
const incident = (id: string, severity: string, at: number) => ({ type: 'incident.declared' as const, incidentId: id, severity, title: id, offset: at });

describe('severity rules', () => {
  it('recommends rollback with the rule in its own words when a SEV0 is open', () => {
    const evaluation = evaluateRules(list, foldEvents(header, events([incident('INC-1', 'SEV0', 0)])));
    expect(evaluation.recommendation).toBe('rollback');
    expect(evaluation.headline).toBe('ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback');
  });

  it('stops recommending once the SEV0 is resolved', () => {
    const state = foldEvents(header, events([incident('INC-1', 'SEV0', 0), { type: 'incident.resolved', incidentId: 'INC-1', note: '' }]));
    expect(evaluateRules(list, state).recommendation).toBe('none');
  });

  it('counts 2+ SEV1 only within the window, resolved ones included', () => {
    const day = 24 * 3600_000;
    const apart = foldEvents(header, events([incident('INC-1', 'SEV1', 0), incident('INC-2', 'SEV1', day + 1000)]));
    expect(evaluateRules(list, apart).recommendation).toBe('none');
    const close = foldEvents(header, events([incident('INC-1', 'SEV1', 0), { type: 'incident.resolved', incidentId: 'INC-1', note: '' }, incident('INC-2', 'SEV1', 3600_000)]));
    const evaluation = evaluateRules(list, close);
    expect(evaluation.recommendation).toBe('consider-rollback');
    expect(evaluation.headline).toContain('2 SEV1 declared within 24h');
  });

  it('picks the strongest recommendation when several rules fire', () => {
    const state = foldEvents(header, events([incident('INC-1', 'SEV1', 0), incident('INC-2', 'SEV1', 1000), incident('INC-3', 'SEV0', 2000)]));
    const evaluation = evaluateRules(list, state);
    expect(evaluation.firing.map((f) => f.rule.id)).toEqual(['any-sev0', 'two-sev1']);
    expect(evaluation.recommendation).toBe('rollback');
  });

  it('fires failedChecks rules on failed items of a section', () => {
    const withRule = checklist({ severity: { levels: [], rules: [{ id: 'smoke-fail', text: 'any smoke failure => hold', when: { failedChecks: 1, section: 'smoke' }, recommend: 'hold' }] } });
    const state = foldEvents(header, events([{ type: 'item.marked', section: 'smoke', item: 's2', pass: 1, status: 'fail' }]));
    expect(evaluateRules(withRule, state).headline).toBe('HOLD — 1 check failed in smoke: any smoke failure => hold');
  });

  it('counts failed checks across the sections a rule lists (a soak beside the smoke checks), and only those', () => {
    const rule = { id: 'two', text: '2+ failed smoke checks => consider rollback', when: { failedChecks: 2, section: ['smoke', 'rollback'] }, recommend: 'consider-rollback' as const };
    const withRule = checklist({ severity: { levels: [], rules: [rule] } });
    const fail = (section: string, item: string) => ({ type: 'item.marked' as const, section, item, pass: 1, status: 'fail' as const });
    const both = foldEvents(header, events([fail('smoke', 's1'), fail('rollback', 'rb1')]));
    expect(evaluateRules(withRule, both).headline).toBe('CONSIDER ROLLBACK — 2 checks failed in smoke, rollback: 2+ failed smoke checks => consider rollback');
    const elsewhere = foldEvents(header, events([fail('smoke', 's1'), fail('gates', 'g1')]));
    expect(evaluateRules(withRule, elsewhere).recommendation).toBe('none');
  });

  it('lists rules without a condition as manual triggers', () => {
    expect(manualTriggers(list).map((r) => r.id)).toEqual(['manual']);
  });

  it('ruleChanges: fires a rule once, and clears it when its condition no longer holds', () => {
    const open = foldEvents(header, events([incident('INC-1', 'SEV0', 0)]));
    const fired = ruleChanges(evaluateRules(list, open), open);
    expect(fired).toEqual([expect.objectContaining({ type: 'rule.fired', rule: 'any-sev0', recommend: 'rollback', reason: 'SEV0 open' })]);
    const recorded = foldEvents(header, events([incident('INC-1', 'SEV0', 0), ...(fired as Parameters<typeof events>[0])]));
    expect(ruleChanges(evaluateRules(list, recorded), recorded)).toEqual([]);
    const resolved = foldEvents(header, events([incident('INC-1', 'SEV0', 0), ...(fired as Parameters<typeof events>[0]), { type: 'incident.resolved', incidentId: 'INC-1', note: '' }]));
    expect(ruleChanges(evaluateRules(list, resolved), resolved)).toEqual([{ type: 'rule.cleared', rule: 'any-sev0', reason: 'condition no longer holds' }]);
  });
});

describe('a decision on the recommendation', () => {
  const fired = { type: 'rule.fired' as const, rule: 'any-sev0', recommend: 'rollback' as const, text: 'any SEV0 => rollback', reason: 'SEV0 open' };
  const decided = (offset: number) => ({ type: 'decision.taken' as const, decision: 'rollback' as const, reason: 'SEV0', offset });

  it('is the latest decision taken after the top rule fired', () => {
    const state = foldEvents(header, events([incident('INC-1', 'SEV0', 0), { ...fired, offset: 0 }, decided(60_000)]));
    expect(decisionOnRecommendation(evaluateRules(list, state), state)).toMatchObject({ decision: 'rollback', reason: 'SEV0' });
  });

  it('ignores a decision taken before the rule fired, and answers nothing when no rule fires', () => {
    const before = foldEvents(header, events([decided(0), incident('INC-1', 'SEV0', 60_000), { ...fired, offset: 60_000 }]));
    expect(decisionOnRecommendation(evaluateRules(list, before), before)).toBeUndefined();
    const none = foldEvents(header, events([decided(0)]));
    expect(decisionOnRecommendation(evaluateRules(list, none), none)).toBeUndefined();
  });
});
