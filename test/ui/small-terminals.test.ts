// 40x12 and 60x20, as over SSH from a phone or a split pane: every screen still shows its fields
// and the keys that matter, dialogs keep their choices, and nothing reads as something it is not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { defaultServices } from '../../src/ui/app/tui-services.js';
import { arrowDown, arrowRight, enter, fixture, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function open(columns: number, rows: number, overrides = {}) {
  const session = await startSession(tempEvidenceDir(), overrides);
  sessions.push(session);
  const ui = renderTui({ session, columns, rows });
  // the first frame is drawn before the resize: wait for the layout of this size
  await ui.waitFor(columns < 70 ? '◀ 1/6 ▶' : 'Sections');
  return { session, ui };
}

const fits = (frame: string, columns: number, rows: number): boolean => frame.split('\n').length <= rows - 1 && frame.split('\n').every((l) => [...l].length <= columns);

describe('at 40x12', () => {
  it('the quit dialog wraps its choices instead of cutting "n stay" and "Esc cancel"', async () => {
    const { ui } = await open(40, 12);
    await ui.press('q');
    const frame = await ui.waitFor('Quit cutover?');
    expect(frame).toContain('f finish the session and quit');
    expect(frame).toContain('n stay');
    expect(frame).toContain('Esc cancel');
    expect(fits(frame, 40, 12)).toBe(true);
    // finishing: the title gives a line to the first thing still open; the footer says Enter stays
    await ui.press('f');
    const finish = await ui.waitFor('• 10 items not done yet');
    expect(finish).toContain('Finish the session with work still …');
    expect(finish).toContain('Enter do not finish');
    expect(fits(finish, 40, 12)).toBe(true);
  });

  it('a mark dialog cuts the item title, not the word that says what the mark is', async () => {
    const session = await startSession(tempEvidenceDir(), { checklistPath: join(import.meta.dirname, 'fixtures', 'long-text.yaml') });
    sessions.push(session);
    const ui = renderTui({ session, columns: 40, rows: 12 });
    await ui.waitFor('◀ 1/3 ▶');
    await ui.press('p');
    const frame = await ui.waitFor('Mark "');
    expect(frame).toMatch(/Mark "Every shard of the paym…" pass/);
  });

  it('the decision screen keeps its heading and form however many decisions were taken', async () => {
    const { session, ui } = await open(40, 12);
    for (const reason of ['one', 'two', 'three']) await session.decide('hold', reason);
    await ui.press('d');
    const frame = await ui.waitFor('Record a decision');
    expect(frame).toContain('› Decision');
    expect(frame).toContain('Reason');
    expect(frame).not.toContain('Earlier decisions');
    expect(fits(frame, 40, 12)).toBe(true);
  });

  it('the triage form keeps every field on screen', async () => {
    const { ui } = await open(40, 12);
    await ui.press('i');
    const frame = await ui.waitFor('Declare an incident');
    for (const text of ['› Severity', 'Title', 'What happened', 'Declare incident', 'once declared:']) expect(frame).toContain(text);
    expect(fits(frame, 40, 12)).toBe(true);
  });
});

describe('at 60x20', () => {
  it('triage lists every severity level, with the chosen level’s criteria', async () => {
    const { ui } = await open(60, 20);
    await ui.press('i');
    const frame = await ui.waitFor('Declare an incident');
    expect(frame).toMatch(/› SEV0 — Roll back now/);
    expect(frame).toContain('• data loss');
    expect(frame).toMatch(/SEV1 — Roll back possible/);
    expect(frame).toMatch(/SEV2 — Fix forward/);
  });
});

describe('what keys and fields say', () => {
  it('while a role is being filled in, the footer shows the form’s keys, not the table’s', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    const ui = renderTui({ session, screen: { name: 'roles' } });
    await ui.waitFor('u TBD');
    await ui.press(enter);
    const frame = await ui.waitFor('who holds the role now');
    expect(frame).toContain('Ctrl-S submit');
    expect(frame).not.toContain('u TBD');
    await ui.press('\u001B');
    await ui.waitFor('u TBD');
  });

  it('no placeholder reads as a typed value: the ticket is empty, the destructive prompt shows no id', async () => {
    const dir = tempEvidenceDir();
    const ui = renderTui({ services: defaultServices(dir), evidenceDir: dir, screen: { name: 'new-session', ref: fixture, prefill: {}, fromHome: false } });
    const form = await ui.waitFor('Start session');
    expect(form).toMatch(/› Ticket *\n/);
    cleanup();
    const { ui: main } = await open(100, 24);
    for (let i = 0; i < 3; i++) await main.press(arrowDown);
    await main.press(arrowRight);
    await main.press(enter);
    const frame = await main.waitFor('DESTRUCTIVE: Wipe the cache');
    expect(frame).toMatch(/│ › +│/);
  });

  it('in a drill, a destructive item says it is refused instead of asking for its id', async () => {
    const { ui } = await open(100, 24, { mode: 'drill' });
    for (let i = 0; i < 3; i++) await ui.press(arrowDown);
    const frame = await ui.waitFor('Wipe the cache');
    expect(frame).toContain('DESTRUCTIVE: refused in this drill');
    expect(frame).not.toContain('type the item id');
  });
});
