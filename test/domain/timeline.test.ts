import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../src/domain/session-state.js';
import { nextReminder, timelineEntries } from '../../src/domain/timeline.js';
import { checklist, events, header } from './fixtures.js';

const list = checklist();
const t0 = Date.parse('2026-11-22T01:00:00.000Z');
const minutes = (n: number) => n * 60_000;

describe('cutover clock', () => {
  it('before T0, walks the pre-T0 entries in order and waits for T0 with the rest', () => {
    const entries = timelineEntries(list, foldEvents(header, []), t0);
    expect(entries.map((e) => e.status)).toEqual(['due', 'waiting-t0', 'waiting-t0', 'waiting-t0']);
  });

  it('after T0, marks due, overdue and upcoming entries, and done ones with their actual offset', () => {
    const state = foldEvents(header, events([
      { type: 't0.marked', at: new Date(t0).toISOString() },
      { type: 'item.marked', section: 'timeline', item: 't-60', pass: 1, status: 'pass', offset: minutes(70) + 9 * 60_000 },
    ], t0 - minutes(70)));
    const entries = timelineEntries(list, state, t0 + minutes(16));
    expect(entries.map((e) => [e.item, e.status])).toEqual([
      ['t-60', 'done'], ['t-10', 'overdue'], ['tp10', 'overdue'], ['tp30', 'upcoming'],
    ]);
    expect(entries[0]?.label).toBe('done at T+09:00');
    expect(entries[3]?.label).toBe('in 14m00s');
    expect(nextReminder(entries)?.item).toBe('t-10');
    const atTen = timelineEntries(list, state, t0 + minutes(12));
    expect(atTen.find((e) => e.item === 'tp10')?.status).toBe('due');
  });
});
