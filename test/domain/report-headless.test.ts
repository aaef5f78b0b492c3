// What the change-ticket reviewer reads about a headless (CI) run: how it was started (which
// sections, which flags) and why it ended, so unselected sections and an interrupted run read right.
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events.js';
import { renderReport } from '../../src/domain/report.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

function report(bodies: EventBody[]): string {
  const list = checklist();
  const evidence = events(bodies);
  const state = foldEvents(header, evidence);
  return renderReport({ header, state, checklist: list, events: evidence, evaluation: evaluateRules(list, state) });
}

const row = (text: string, name: string): string => text.split('\n').find((line) => line.startsWith(`| ${name} |`)) ?? '';

describe('the report of a headless run', () => {
  it('shows the command line it was started with (as recorded, redacted), quoting words that need it', () => {
    const argv = ['run', 'gate.yaml', '--headless', '--section', 'smoke', '--ticket', 'CHG 7', '--var', 'db_password=[REDACTED:db_password]'];
    const text = report([{ type: 'session.started', pid: 1, argv }]);
    expect(row(text, 'Started with')).toBe("| Started with | `cutover run gate.yaml --headless --section smoke --ticket 'CHG 7' --var 'db_password=[REDACTED:db_password]'` |");
  });

  it('says why the session ended: an interrupted run is visible in the header, not only in the timeline', () => {
    const text = report([{ type: 'session.started', pid: 1, argv: ['run', 'x', '--headless'] }, { type: 'session.closed', reason: 'headless run interrupted by SIGTERM' }]);
    expect(row(text, 'Ended')).toBe('| Ended | 2026-11-22 00:00:01 UTC |');
    expect(row(text, 'How it ended')).toBe('| How it ended | headless run interrupted by SIGTERM |');
  });

  it('the cutover clock says timeline entries a headless run marked not run were not done, with no drift', () => {
    const notRun = (item: string): EventBody => ({ type: 'item.marked', section: 'timeline', item, pass: 1, status: 'not-run', note: 'manual item: not run headless' });
    const skipped: EventBody = { type: 'item.marked', section: 'timeline', item: 'tp10', pass: 1, status: 'skip' };
    const text = report([notRun('t-60'), { type: 't0.marked', at: '2026-11-22T00:00:01.000Z' }, notRun('t-10'), skipped]);
    expect(row(text, 'T-60')).toBe('| T-60 | Preflight | T-1:00:00 | not run |  |');
    expect(row(text, 'T-10')).toBe('| T-10 | Go/no-go | T-10:00 | not run |  |');
    expect(row(text, 'T+10')).toBe('| T+10 | Validate health | T+10:00 | skipped |  |');
    expect(row(text, 'T+30')).toBe('| T+30 | Decide | T+30:00 | not done |  |');
    const noT0 = report([notRun('t-60')]);
    expect(row(noT0, 'T-60')).toBe('| T-60 | Preflight | T-1:00:00 | not run |  |');
  });

  it('a destructive step the run refused counts as failed, as the run counted it, and reads REFUSED', () => {
    const refused: EventBody[] = [
      { type: 'session.started', pid: 1, argv: ['run', 'x', '--headless'] },
      { type: 'destructive.refused', section: 'rollback', item: 'rb1', reason: 'headless run without --allow-destructive' },
      { type: 'item.marked', section: 'rollback', item: 'rb1', pass: 1, status: 'not-run', note: 'destructive item refused: headless run without --allow-destructive' },
      { type: 'item.marked', section: 'smoke', item: 's2', pass: 1, status: 'not-run', note: 'manual item: not run headless' },
    ];
    const text = report(refused);
    expect(text).toMatch(/^> \*\*Status:\*\* 0 passed · 1 failed \(1 destructive, refused\) · 0 skipped · 1 not run · /m);
    expect(row(text, 'rb1')).toMatch(/^\| rb1 \| Switch back \| REFUSED \|/);
    expect(row(text, 's2')).toMatch(/^\| s2 \| Version \| NOT RUN \|/);
    expect(text).toContain('Result: **REFUSED**');
    // confirmed and run after the refusal: its own result, nothing refused
    const ranLater = report([
      ...refused,
      { type: 'destructive.confirmed', section: 'rollback', item: 'rb1', typed: 'rb1' },
      { type: 'item.marked', section: 'rollback', item: 'rb1', pass: 1, status: 'pass' },
    ]);
    expect(ranLater).toMatch(/^> \*\*Status:\*\* 1 passed · 0 failed · 0 skipped · 1 not run · /m);
  });

  it('a step in a section the run found locked counts as failed, as the run counted it, and reads LOCKED', () => {
    const text = report([
      { type: 'session.started', pid: 1, argv: ['run', 'x', '--headless'] },
      { type: 'item.marked', section: 'rollback', item: 'rb1', pass: 1, status: 'not-run', note: 'section locked: gates not all passed: g1', locked: true },
      { type: 'item.marked', section: 'smoke', item: 's2', pass: 1, status: 'not-run', note: 'manual item: not run headless' },
    ]);
    expect(text).toMatch(/^> \*\*Status:\*\* 0 passed · 1 failed \(1 in a locked section\) · 0 skipped · 1 not run · /m);
    expect(row(text, 'rb1')).toMatch(/^\| rb1 \| Switch back \| LOCKED \|/);
    expect(row(text, 's2')).toMatch(/^\| s2 \| Version \| NOT RUN \|/);
  });

  it('a session started without a recorded command line has no such row', () => {
    expect(row(report([{ type: 'session.started', pid: 1 }]), 'Started with')).toBe('');
  });
});
