// The cutover clock in the TUI: timeline items show due / overdue / upcoming / done in the item
// list and the detail, overdue stands out (a `!`, also without color), and the header names the
// next reminder. T0 is recorded in the past so that every status shows at once.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { CutoverSession } from '../../src/services/session.js';
import { arrowDown, arrowRight, arrowUp, clockFixture, enter, renderTui, resize, startSession, tempEvidenceDir } from './helpers.js';

const sessions: CutoverSession[] = [];
afterEach(async () => {
  cleanup();
  delete process.env.NO_COLOR;
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

const width = (line: string): number => [...line].length;

async function open(options: { columns?: number; rows?: number; t0MinutesAgo?: number } = {}) {
  const session = await startSession(tempEvidenceDir(), { checklistPath: clockFixture });
  sessions.push(session);
  if (options.t0MinutesAgo !== undefined) await session.append({ type: 't0.marked', at: new Date(Date.now() - options.t0MinutesAgo * 60_000).toISOString() });
  const ui = renderTui({ session, columns: options.columns ?? 100, rows: options.rows ?? 30 });
  await ui.waitFor('Cutover clock');
  return { session, ui };
}

describe('the cutover clock', () => {
  it('before T0: the first entry is due, the rest wait for T0; the header says so', async () => {
    const { ui } = await open();
    const frame = await ui.waitFor('due (before T0)');
    expect(frame).toMatch(/T-10 Go\/no-go call\s+due \(before T0\)/);
    expect(frame).toMatch(/T\+10 Smoke checks green\s+waits for T0/);
    expect(frame).toContain('next: T-10 Go/no-go call — due (before T0)');
  });

  it('after T0: overdue, due and upcoming in the list; the header points at the first overdue entry', async () => {
    const { ui } = await open({ t0MinutesAgo: 12 });
    const frame = await ui.waitFor('overdue by');
    expect(frame).toMatch(/T-10 Go\/no-go call\s+! overdue by 22m\d\ds/);
    expect(frame).toMatch(/T0 Execute the switch\s+! overdue by 12m\d\ds/);
    expect(frame).toMatch(/T\+10 Smoke checks green\s+due now/);
    expect(frame).toMatch(/T\+30 Decide keep or rollback\s+in 1[78]m\d\ds/);
    expect(frame).toMatch(/! next: T-10 Go\/no-go call — overdue by 22m\d\ds \(\+1 more overdue\)/);
  });

  it('the detail shows the selected entry on the clock; marking it done moves the reminder on', async () => {
    const { session, ui } = await open({ t0MinutesAgo: 12 });
    await ui.press(arrowRight);
    await ui.waitFor(/clock: T-10 · ! overdue by 22m/);
    let frame: string;
    await ui.press('p');
    await ui.waitFor('Mark "Go/no-go call" pass');
    await ui.press(enter);
    frame = await ui.waitFor('next: T0 Execute the switch — overdue by 12m');
    expect(frame).toMatch(/T-10 Go\/no-go call\s+done at T\+12:\d\d/);
    await ui.press(arrowUp);
    frame = await ui.waitFor(/clock: T-10 · done at T\+12:\d\d/);
    expect(session.state.items['timeline/t-minus-10']?.status).toBe('pass');
    // once nothing is due, the header names what comes next
    for (const id of ['t-zero', 't-plus-10']) await session.markItem('timeline', id, 'pass');
    frame = await ui.waitFor(/next: T\+30 Decide keep or rollback — in 1[78]m/);
    await session.markItem('timeline', 't-plus-30', 'skip');
    await ui.waitFor('clock: all 4 timeline entries done');
  });

  it('ticks: an upcoming entry counts down every second', async () => {
    const { ui } = await open({ t0MinutesAgo: 0 });
    const first = /T\+30 Decide keep or rollback\s+(in \S+)/.exec(await ui.waitFor('in 29m'))?.[1];
    const later = await ui.waitFor((f) => {
      const now = /T\+30 Decide keep or rollback\s+(in \S+)/.exec(f)?.[1];
      return !!now && now !== first;
    }, 5_000);
    expect(later).toMatch(/in 29m\d\ds/);
  });

  it('with NO_COLOR, overdue still stands out: a ! mark, not only a color', async () => {
    process.env.NO_COLOR = '1';
    const { ui } = await open({ t0MinutesAgo: 12 });
    const frame = await ui.waitFor('overdue by');
    expect(frame).toContain('! overdue by 22m');
    expect(frame).toContain('! next: T-10');
  });

  it('fits 80x24 with the reminder line, and 60x20 without crashing', async () => {
    const { ui } = await open({ columns: 80, rows: 24, t0MinutesAgo: 12 });
    let frame = await ui.waitFor((f) => f.includes('! next:') && f.includes('Sections') && f.split('\n').every((l) => width(l) <= 80));
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(frame).toContain('saved:');
    resize(ui.stdout, 60, 20);
    frame = await ui.waitFor('◀ 1/4 ▶');
    expect(frame.split('\n').every((l) => width(l) <= 60)).toBe(true);
    expect(frame).toContain('! overdue by');
    await ui.press(arrowDown);
    await ui.waitFor(/›.*T0 Execute the switch/);
  });
});
