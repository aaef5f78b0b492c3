import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events.js';
import { unmetRequirements } from '../../src/domain/section-requirements.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { checklist, events, header } from './fixtures.js';

type Body = EventBody & { offset?: number };
const gated = checklist({
  sections: [
    { id: 'gates', title: 'Gates', kind: 'gates', items: [{ id: 'g1', title: 'Preflight', run: 'true' }, { id: 'g2', title: 'Backups', run: 'true' }] },
    { id: 'rollforward', title: 'Roll forward', kind: 'rollforward', requires: { gatesPassed: true }, items: [{ id: 'rf1', title: 'Re-apply', run: 'true' }] },
  ],
});
const fail = (item: string, offset: number): Body => ({ type: 'item.marked', section: 'gates', item, pass: 1, status: 'fail', offset });
const pass = (item: string, offset: number): Body => ({ type: 'item.marked', section: 'gates', item, pass: 1, status: 'pass', offset });
const override = (offset: number): Body => ({ type: 'override.recorded', section: 'rollforward', reason: 'CAB approved', unmet: ['gates not all passed: g1, g2'], offset });
const unmet = (bodies: Body[]) => unmetRequirements(gated, foldEvents(header, events(bodies)), 'rollforward');

describe('an override of gatesPassed', () => {
  it('covers the gates it named as they were: failed, or not yet run', () => {
    expect(unmet([fail('g1', 0), override(60_000)])).toEqual([]);
    expect(unmet([fail('g1', 0), override(60_000), pass('g2', 120_000)])).toEqual([]);
  });

  it('no longer covers a gate that fails after it (a pending gate run late, a failed one failing again)', () => {
    expect(unmet([fail('g1', 0), override(60_000), fail('g2', 120_000)])).toEqual(['gates not all passed: g1, g2']);
    expect(unmet([fail('g1', 0), override(60_000), fail('g1', 120_000)])).toEqual(['gates not all passed: g1, g2']);
  });

  it('covers it again once a new override names it', () => {
    expect(unmet([fail('g1', 0), override(60_000), fail('g2', 120_000), override(180_000)])).toEqual([]);
  });
});
