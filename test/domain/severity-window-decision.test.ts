import { describe, expect, it } from 'vitest';
import { headlineWithDecision } from '../../src/domain/recommendation-decision.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

const list = checklist();
const minute = 60_000;
const day = 24 * 60 * minute;
const sev1 = (id: string, offset: number) => ({ type: 'incident.declared' as const, incidentId: id, severity: 'SEV1', title: id, offset });
const fired = (offset: number) => ({
  type: 'rule.fired' as const,
  rule: 'two-sev1',
  recommend: 'consider-rollback' as const,
  text: '2+ SEV1 within 24h => consider rollback',
  reason: '2 SEV1 declared within 24h',
  offset,
});
const decided = (offset: number) => ({ type: 'decision.taken' as const, decision: 'hold' as const, reason: 'watching', offset });
const headline = (state: ReturnType<typeof foldEvents>) => headlineWithDecision(evaluateRules(list, state), state, () => 'T+');

describe('a decision on a rule with a `within` window', () => {
  it('still answers it after an incident outside every window that fires the rule', () => {
    const state = foldEvents(header, events([sev1('INC-1', 0), sev1('INC-2', minute), fired(minute), decided(2 * minute), sev1('INC-3', 3 * day)]));
    expect(headline(state)).toBe('CONSIDER ROLLBACK · hold decided T+ by op — 2 SEV1 declared within 24h: 2+ SEV1 within 24h => consider rollback');
  });

  it('no longer answers it once an incident inside a window arrives', () => {
    const state = foldEvents(header, events([sev1('INC-1', 0), sev1('INC-2', minute), fired(minute), decided(2 * minute), sev1('INC-3', 3 * minute)]));
    expect(headline(state)).toBe('CONSIDER ROLLBACK — 3 SEV1 declared within 24h: 2+ SEV1 within 24h => consider rollback');
  });
});

describe('a decision when a second rule recommending the same fires after it', () => {
  const rules = checklist({
    severity: {
      levels: [{ id: 'SEV0', title: 'Critical' }],
      rules: [
        { id: 'any-sev0', text: 'any SEV0 => rollback', when: { severity: 'SEV0' }, recommend: 'rollback' },
        { id: 'smoke-fails', text: '2 failed smoke checks => rollback', when: { failedChecks: 2, section: 'smoke' }, recommend: 'rollback' },
      ],
    },
  });
  const fail = (item: string, offset: number) => ({ type: 'item.marked' as const, section: 'smoke', item, pass: 1, status: 'fail' as const, offset });
  const sev0 = { type: 'incident.declared' as const, incidentId: 'INC-1', severity: 'SEV0', title: 'db', offset: 0 };
  const hold = { type: 'decision.taken' as const, decision: 'hold' as const, reason: 'root cause isolated', offset: minute };

  it('is no longer the answer: the header names the new rule, undecided', () => {
    const state = foldEvents(header, events([sev0, hold, fail('s1', 2 * minute), fail('s2', 3 * minute)]));
    expect(headlineWithDecision(evaluateRules(rules, state), state, () => 'T+')).toBe('ROLLBACK RECOMMENDED — 2 checks failed in smoke: 2 failed smoke checks => rollback');
  });

  it('answers both once taken after the second rule fired', () => {
    const state = foldEvents(header, events([sev0, fail('s1', 2 * minute), fail('s2', 3 * minute), { ...hold, offset: 4 * minute }]));
    expect(headlineWithDecision(evaluateRules(rules, state), state, () => 'T+')).toBe('ROLLBACK RECOMMENDED · hold decided T+ by op — 2 checks failed in smoke: 2 failed smoke checks => rollback');
  });
});
