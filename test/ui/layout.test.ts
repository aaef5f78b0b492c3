// The frame fits the terminal: 80x24 without a line too long or too many, smaller terminals drop
// panes without crashing, and a resize lays the screen out again.
import { describe, expect, it } from 'vitest';
import { enter, renderTui, resize, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

const width = (line: string): number => [...line].length;

async function open(columns: number, rows: number) {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, columns, rows });
  return { session, ui };
}

describe('layout', () => {
  it('fits 80x24: no line wider than 80, at most 23 lines, header and footer on screen', async () => {
    const { ui } = await open(80, 24);
    const frame = await ui.waitFor((f) => f.includes('Sections') && f.split('\n').every((l) => width(l) <= 80));
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines[0]).toContain('UI test cutover');
    expect(frame).toContain('saved:');
    expect(lines.at(-1)).toMatch(/help|quit/);
  });

  it('a narrow terminal drops the sections pane; ←/→ then step through sections', async () => {
    const { ui } = await open(50, 20);
    let frame = await ui.waitFor('◀ 1/6 ▶');
    expect(frame).not.toContain('Sections');
    expect(frame.split('\n').every((l) => width(l) <= 50)).toBe(true);
    await ui.press('\u001B[C');
    frame = await ui.waitFor('◀ 2/6 ▶');
    expect(frame).toContain('Announce the rollback');
  });

  it('a tiny terminal still renders (no detail pane) and does not crash', async () => {
    const { ui } = await open(30, 8);
    const frame = await ui.waitFor((f) => f.split('\n').length <= 7 && f.includes('Says ok'));
    expect(frame.split('\n').every((l) => width(l) <= 30)).toBe(true);
    await ui.press('?');
    await ui.waitFor('Help');
  });

  it('in a drill at 60x20 the DRILL badge stays on the title line (a wrapped badge would push the screen down)', async () => {
    const session = await startSession(tempEvidenceDir(), { mode: 'drill', ticket: 'CHG-A-RATHER-LONG-TICKET-ID', environment: 'production-eu-west' });
    sessions.push(session);
    const ui = renderTui({ session, columns: 60, rows: 20 });
    const frame = await ui.waitFor((f) => f.includes('◀ 1/6 ▶') && f.split('\n').every((l) => width(l) <= 60));
    const lines = frame.split('\n');
    // the environment stays whole: the title and then the ticket give way to it
    expect(lines[0]).toMatch(/^ DRILL {2}UI test… · CHG-A… · production-eu-west T0 not marked$/);
    expect(lines[1]).toContain('✓ 0 pass');
    expect(lines.length).toBeLessThanOrEqual(19);
  });

  it('re-lays out live on resize', async () => {
    const { ui } = await open(100, 30);
    await ui.waitFor('Sections');
    resize(ui.stdout, 60, 20);
    const frame = await ui.waitFor('◀ 1/6 ▶');
    expect(frame.split('\n').every((l) => width(l) <= 60)).toBe(true);
    resize(ui.stdout, 120, 40);
    await ui.waitFor('Sections');
  });

  it('the header clock runs once T0 is marked', async () => {
    const { session, ui } = await open(100, 30);
    await session.assignRole('lead', { name: 'A' });
    await session.assignRole('ops', { name: 'B' });
    await session.markT0();
    await ui.waitFor(/T\+00:0[0-9]/);
    await ui.waitFor(/T\+00:0[1-9]/, 5_000);
  });
});

describe('quitting', () => {
  it('q asks; n stays; f says what is still open and finishes only on y (Enter keeps it open)', async () => {
    const { session, ui } = await open(100, 30);
    await session.declareIncident({ severity: 'SEV0', title: 'down' });
    await ui.waitFor('Sections');
    await ui.press('q');
    await ui.waitFor('Quit cutover?');
    expect(ui.lastFrame()).toContain('Everything is already saved');
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('Quit cutover?'));
    expect(ui.onQuit).not.toHaveBeenCalled();
    await ui.press('q');
    await ui.press('f');
    const frame = await ui.waitFor('Finish the session with work still open?');
    expect(frame).toContain('10 items not done yet');
    expect(frame).toContain('open incidents: SEV0×1');
    expect(frame).toContain('no sign-off yet: Release lead');
    expect(frame).toContain('rules: ROLLBACK RECOMMENDED');
    await ui.press(enter);
    await ui.waitFor((f) => !f.includes('Finish the session'));
    expect(ui.onQuit).not.toHaveBeenCalled();
    await ui.press('q');
    await ui.press('f');
    await ui.waitFor('Finish the session with work still open?');
    await ui.press('y');
    expect(ui.onQuit).toHaveBeenCalledWith({ finish: true });
  });

  it('Ctrl-C at rest asks; a second Ctrl-C quits', async () => {
    const { ui } = await open(100, 30);
    await ui.waitFor('Sections');
    await ui.press('\u0003');
    await ui.waitFor('Quit cutover?');
    expect(ui.onQuit).not.toHaveBeenCalled();
    await ui.press('\u0003');
    expect(ui.onQuit).toHaveBeenCalledWith({ finish: false });
  });

  it('? opens help with the keys of the screen and Esc closes it', async () => {
    const { ui } = await open(100, 40);
    await ui.waitFor('Sections');
    await ui.press('?');
    const frame = await ui.waitFor('Help — keys');
    for (const text of ['run the selected item', 'edit the command', 'mark pass', 'declare an incident', 'mark T0', 'export the incident package', 'ask to quit']) {
      expect(frame).toContain(text);
    }
    await ui.press('\u001B');
    await ui.waitFor('Sections');
  });
});
