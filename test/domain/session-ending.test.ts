import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events.js';
import { renderReport } from '../../src/domain/report.js';
import { previousEnding } from '../../src/domain/session-ending.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

describe('how the process before a resume stopped recording', () => {
  const started = { type: 'session.started' as const, pid: 1 };
  const note = { type: 'note.added' as const, text: 'working' };

  it('left: a quit or a signal recorded why, and the session stays open', () => {
    const all = events([started, note, { type: 'session.left', reason: 'the operator quit' }, { type: 'session.resumed', pid: 2 }]);
    expect(previousEnding(all, 4)).toEqual({ how: 'left', reason: 'the operator quit', at: all[2]?.ts });
    expect(foldEvents(header, all.slice(0, 3)).closed).toBe(false);
  });

  it('vanished: nothing said the process was stopping (a crash, kill -9, power cut): the last event it wrote is when', () => {
    const all = events([started, note, { type: 'session.resumed', pid: 2 }]);
    expect(previousEnding(all, 3)).toEqual({ how: 'vanished', lastEventAt: all[1]?.ts });
  });

  it('closed: a finished session reopened', () => {
    const all = events([started, { type: 'session.closed', reason: 'done' }, { type: 'session.resumed', pid: 2 }]);
    expect(previousEnding(all, 3)).toMatchObject({ how: 'closed' });
  });

  it('nothing for a seq that is not a resume', () => {
    const all = events([started, note]);
    expect(previousEnding(all, 2)).toBeUndefined();
    expect(previousEnding(all, 1)).toBeUndefined();
  });
});

describe('the report timeline on how each process ended', () => {
  const report = (bodies: EventBody[]): string => {
    const list = checklist();
    const evidence = events(bodies);
    const state = foldEvents(header, evidence);
    return renderReport({ header, state, checklist: list, events: evidence, evaluation: evaluateRules(list, state) });
  };

  it('says why a session was left open, and which resume followed a process that vanished', () => {
    const text = report([
      { type: 'session.started', pid: 1 },
      { type: 'session.left', reason: 'the operator quit' },
      { type: 'session.resumed', pid: 2 },
      { type: 'note.added', text: 'working' },
      { type: 'session.resumed', pid: 3 },
    ]);
    expect(text).toContain('Session left open — the operator quit');
    expect(text).toMatch(/Session resumed \(pid 2\) \|/);
    expect(text).toContain('Session resumed (pid 3) — the process before it stopped without a word after 00:00:03 UTC (a crash, kill -9, power cut or lost host)');
  });
});
