// The drill summary (D, drills only): this drill's timings against the earlier drills of the same
// checklist in the evidence directory, loaded without blocking the screen; offered when quitting.
import { describe, expect, it } from 'vitest';
import type { DrillTimings } from '../../src/domain/drill-timings.js';
import type { CutoverSession } from '../../src/services/session.js';
import { defaultServices } from '../../src/ui/app/tui-services.js';
import { helpRows } from '../../src/ui/screens/help-screen.js';
import { hiddenActions } from '../../src/ui/keys/keymap.js';
import { arrowDown, clockFixture, escape, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

const width = (line: string): number => [...line].length;

async function drill(evidenceDir: string, ticket: string, slow: boolean): Promise<CutoverSession> {
  const session = await startSession(evidenceDir, { checklistPath: clockFixture, mode: 'drill', ticket });
  sessions.push(session);
  // The earlier drill is slow: its check and its rollback each take a second longer.
  await session.runItem('smoke', 'ok', slow ? { command: 'sleep 1; echo ok' } : {});
  await session.runItem('rollback', 'rb-run', slow ? { command: 'sleep 1; echo switched back' } : {});
  return session;
}

describe('the drill summary', () => {
  it('compares this drill with the earlier one: total, rollback, sections and steps', async () => {
    const dir = tempEvidenceDir();
    const earlier = await drill(dir, 'DRILL-1', true);
    await earlier.finish('drill done');
    await earlier.close();
    const session = await drill(dir, 'DRILL-2', false);
    const ui = renderTui({ session, columns: 80, rows: 24 });
    await ui.waitFor('D summary');
    await ui.press('D');
    const frame = await ui.waitFor('against 1 earlier drill');
    expect(frame).toContain('Drill summary (so far)');
    expect(frame).toContain('DRILL-1');
    expect(frame).toMatch(/step\s+this drill\s+last\s+best\s+median\s+vs median/);
    // the drill is still open: its total so far is shown beside the earlier drill's, not called faster
    expect(frame).toMatch(/total\s+\S+\s+\S+\s+\S+\s+\S+\s+so far/);
    expect(frame).toMatch(/rollback\s+\S+\s+1\.\ds\s+1\.\ds\s+1\.\ds\s+\S+ faster/);
    expect(frame).toMatch(/Rollback\s+\d/);
    expect(frame).toMatch(/ {2}ok\s+\S+\s+1\.\ds/);
    expect(frame).toMatch(/ {2}rb-run\s+/);
    expect(frame).toMatch(/this drill \S+ so far \(median \S+\) · failures 0 \(last drill 0, best 0\)/);
    expect(frame).not.toContain('faster than median');
    expect(frame.split('\n').every((l) => width(l) <= 80)).toBe(true);
    await ui.press(escape);
    await ui.waitFor('D summary');
  });

  it('the first drill has nothing to compare with', async () => {
    const session = await drill(tempEvidenceDir(), 'DRILL-1', false);
    const ui = renderTui({ session });
    await ui.waitFor('D summary');
    await ui.press('D');
    const frame = await ui.waitFor('nothing to compare with yet');
    expect(frame).toMatch(/total\s+\S+\s+-\s+-\s+-\s+so far/);
    expect(frame).toMatch(/rollback\s+\S+\s+-\s+-\s+-\s+first drill/);
  });

  it('shows "loading earlier drills…" at once and stays usable while they load', async () => {
    const session = await drill(tempEvidenceDir(), 'DRILL-2', false);
    let resolve: (drills: DrillTimings[]) => void = () => undefined;
    const services = { ...defaultServices(session.evidenceDir), loadDrillHistory: () => new Promise<DrillTimings[]>((done) => (resolve = done)) };
    const ui = renderTui({ session, services });
    await ui.waitFor('D summary');
    await ui.press('D');
    let frame = await ui.waitFor('loading earlier drills…');
    expect(frame).toMatch(/total\s+\S+\s+-/);
    await ui.press('?');
    await ui.waitFor('Help — keys');
    await ui.press(escape);
    await ui.waitFor('loading earlier drills…');
    const earlier: DrillTimings = { sessionId: 'old', startedAt: '2026-01-01T10:00:00.000Z', ticket: 'OLD-1', operator: 'x', checklistVersion: '1', finished: true, totalMs: 3_600_000, pausedMs: 0, rollbackMs: 600_000, failures: 2, failedSteps: ['smoke/a', 'smoke/b'], passedWhenRerun: [], failedUnderFault: [], refusedSteps: [], injectedFaults: [], injectionsFailed: [], sections: {}, items: {} };
    resolve([earlier]);
    frame = await ui.waitFor('against 1 earlier drill');
    expect(frame).toContain('OLD-1');
    // the earlier drill FAILED (2 failures): it is last and median, but no best to beat
    expect(frame).toMatch(/total\s+\S+\s+1h00m\s+none passed\s+1h00m\s+so far/);
    expect(frame).toContain('failures 0 (last drill 2, best 2)');
  });

  it('a drill that has not walked its rollback says so instead of "faster"', async () => {
    const dir = tempEvidenceDir();
    await (await drill(dir, 'DRILL-1', true)).close();
    const session = await startSession(dir, { checklistPath: clockFixture, mode: 'drill', ticket: 'DRILL-2' });
    sessions.push(session);
    await session.runItem('smoke', 'ok');
    const ui = renderTui({ session });
    await ui.waitFor('D summary');
    await ui.press('D');
    const frame = await ui.waitFor('against 1 earlier drill');
    // DRILL-1 was closed without being finished: its rollback is last and median, but no best to beat
    expect(frame).toMatch(/rollback\s+-\s+1\.\ds\s+none passed\s+1\.\ds\s+not walked/);
    expect(frame).not.toMatch(/^\s+Rollback\s/m);
  });

  it('names what went wrong so far: a failed step', async () => {
    const session = await drill(tempEvidenceDir(), 'DRILL-1', false);
    await session.markItem('timeline', 't-zero', 'fail', 'switch did not happen');
    const ui = renderTui({ session });
    await ui.waitFor('D summary');
    await ui.press('D');
    const frame = await ui.waitFor('failed: timeline/t-zero');
    expect(frame).toContain('failures 1');
  });

  it('findings too long for one row wrap instead of being cut', async () => {
    const session = await drill(tempEvidenceDir(), 'DRILL-1', false);
    for (const item of ['t-minus-10', 't-zero', 't-plus-10', 't-plus-30']) await session.markItem('timeline', item, 'fail', 'missed');
    const ui = renderTui({ session, columns: 60, rows: 16 });
    await ui.waitFor('D summary');
    await ui.press('D');
    const frame = await ui.waitFor('failed: timeline/t-minus-10');
    expect(frame).toContain('timeline/t-plus-30');
    expect(frame).toMatch(/^\s+total/m);
    expect(frame.split('\n').every((l) => width(l) <= 60)).toBe(true);
  });

  it('a resumed old drill is compared with the drills before it, not with later ones', async () => {
    const session = await drill(tempEvidenceDir(), 'DRILL-1', false);
    const later: DrillTimings = { sessionId: 'later', startedAt: '2999-01-01T10:00:00.000Z', ticket: 'LATER-1', operator: 'x', checklistVersion: '1', finished: true, totalMs: 1_000, pausedMs: 0, failures: 0, failedSteps: [], passedWhenRerun: [], failedUnderFault: [], refusedSteps: [], injectedFaults: [], injectionsFailed: [], sections: {}, items: {} };
    const services = { ...defaultServices(session.evidenceDir), loadDrillHistory: () => Promise.resolve([later]) };
    const ui = renderTui({ session, services });
    await ui.waitFor('D summary');
    await ui.press('D');
    const frame = await ui.waitFor('nothing to compare with yet');
    expect(frame).not.toContain('LATER-1');
  });

  it('scrolls on a short terminal', async () => {
    const session = await drill(tempEvidenceDir(), 'DRILL-1', false);
    const ui = renderTui({ session, columns: 60, rows: 14 });
    await ui.waitFor('D summary');
    await ui.press('D');
    let frame = await ui.waitFor(/rows 1-\d of 6/);
    expect(frame).toMatch(/^\s+total/m);
    await ui.press(arrowDown);
    frame = await ui.waitFor(/rows 2-\d of 6/);
    expect(frame).not.toMatch(/^\s+total/m);
    expect(frame.split('\n').every((l) => width(l) <= 60)).toBe(true);
  });

  it('quitting a drill offers the summary first', async () => {
    const session = await drill(tempEvidenceDir(), 'DRILL-1', false);
    const ui = renderTui({ session });
    await ui.waitFor('D summary');
    await ui.press('q');
    const frame = await ui.waitFor('Quit cutover?');
    expect(frame).toContain('d summary first');
    await ui.press('d');
    await ui.waitFor('Drill summary');
    expect(ui.onQuit).not.toHaveBeenCalled();
    // back from it is the quit question again, not the checklist
    await ui.press(escape);
    await ui.waitFor('Quit cutover?');
    await ui.press('y');
    expect(ui.onQuit).toHaveBeenCalledWith({ finish: false });
  });

  it('D on the checklist goes back to the checklist', async () => {
    const session = await drill(tempEvidenceDir(), 'DRILL-1', false);
    const ui = renderTui({ session });
    await ui.waitFor('D summary');
    await ui.press('D');
    await ui.waitFor('Drill summary');
    await ui.press(escape);
    const frame = await ui.waitFor('D summary');
    expect(frame).not.toContain('Quit cutover?');
  });

  it('outside a drill, D is neither shown nor offered, and explains itself', async () => {
    const session = await startSession(tempEvidenceDir(), { checklistPath: clockFixture });
    sessions.push(session);
    const ui = renderTui({ session });
    let frame = await ui.waitFor('q quit');
    expect(frame).not.toContain('D summary');
    await ui.press('D');
    frame = await ui.waitFor('the drill summary compares drills');
    expect(frame).not.toContain('Drill summary');
    await ui.press('q');
    frame = await ui.waitFor('Quit cutover?');
    expect(frame).not.toContain('summary first');
    const liveHelp = helpRows('main', hiddenActions('main', false)).map((r) => r.help);
    const drillHelp = helpRows('main', hiddenActions('main', true)).map((r) => r.help);
    expect(liveHelp.some((h) => h.includes('earlier drills'))).toBe(false);
    expect(drillHelp.some((h) => h.includes('earlier drills'))).toBe(true);
  });
});
