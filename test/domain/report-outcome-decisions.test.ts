import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/domain/report-context.js';
import { outcomeLines } from '../../src/domain/report-outcome.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

const list = checklist();
const decided = (decision: 'hold' | 'rollback' | 'roll-forward', offset: number) => ({ type: 'decision.taken' as const, decision, reason: decision, offset });

function outcome(bodies: Parameters<typeof events>[0]): string {
  const evs = events(bodies);
  const state = foldEvents(header, evs);
  return outcomeLines(createContext({ header, state, checklist: list, events: evs, evaluation: evaluateRules(list, state) })).join('\n');
}

describe('the outcome line with more decisions than it shows', () => {
  it('says the ones left out came before, not that one decision was taken in all', () => {
    const text = outcome([decided('hold', 0), decided('hold', 60_000), decided('rollback', 120_000), decided('roll-forward', 180_000)]);
    expect(text).toMatch(/decided 1 time before, then \*\*HOLD\*\* at \S+ \(op\), then \*\*ROLLBACK\*\* at \S+ \(op\), then \*\*ROLL-FORWARD\*\*/);
  });
});
