// Dialogs, lists and help on small terminals (a tmux split over SSH): whatever the size, the keys a
// dialog offers are all on screen, what it explains is shown or visibly cut, a cut list says how
// much it hides, and a help text is wrapped, not cut.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import stringWidth from 'string-width';
import type { ConfirmDialog } from '../../src/ui/app/tui-context.js';
import { helpLines, helpRows } from '../../src/ui/screens/help-screen.js';
import { dialogLayout } from '../../src/ui/widgets/dialog/dialog-layout.js';
import { Select } from '../../src/ui/widgets/select/select.js';
import { renderTui, resize, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function open(columns: number, rows: number) {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, columns, rows });
  await ui.waitFor(columns < 70 ? '◀ 1/6 ▶' : 'Sections');
  return { session, ui };
}

const fits = (frame: string, columns: number, rows: number): boolean => frame.split('\n').length <= rows - 1 && frame.split('\n').every((l) => stringWidth(l) <= columns);

const quit: ConfirmDialog = {
  kind: 'confirm',
  title: 'Quit cutover?',
  lines: ['Everything is already saved.', 'Resume later with: cutover resume'],
  choices: [
    { key: 'y', label: 'quit', onChoose: () => undefined },
    { key: 'f', label: 'finish the session and quit', onChoose: () => undefined },
    { key: 'n', label: 'stay', onChoose: () => undefined },
  ],
};

const keysOf = (layout: ReturnType<typeof dialogLayout>): string => layout.choiceRows.map((row) => row.map((p) => `${p.key ?? ''} ${p.text}`).join(' ')).join(' ');

describe('dialog layout', () => {
  it('gives up the box before the explanations, and never a key', () => {
    expect(dialogLayout(quit, 80, 20)).toMatchObject({ framed: true, lines: quit.lines });
    const ruled = dialogLayout(quit, 40, 6);
    expect(ruled).toMatchObject({ framed: false, title: ['Quit cutover?'], lines: quit.lines });
    expect(ruled.rows).toBeLessThanOrEqual(6);
    for (const maxRows of [5, 4, 3]) {
      const layout = dialogLayout(quit, 40, maxRows);
      expect(layout.rows).toBeLessThanOrEqual(maxRows);
      expect(keysOf(layout)).toMatch(/y +quit .*f +finish the session and quit .*n +stay .*Esc +cancel/);
    }
  });

  it('says when explanations are cut: the last one shown, or the title, ends in …', () => {
    expect(dialogLayout(quit, 40, 4).lines).toEqual(['Everything is already saved. …']);
    const none = dialogLayout(quit, 40, 3);
    expect(none.lines).toEqual([]);
    expect(none.title).toEqual(['Quit cutover? …']);
  });

  it('wraps a choice longer than the line instead of cutting it', () => {
    const layout = dialogLayout(quit, 20, 10);
    expect(keysOf(layout).replace(/\s+/g, ' ')).toContain('f finish the session and quit');
    for (const row of layout.choiceRows) expect(stringWidth(row.map((p) => `${p.key ? `${p.key} ` : ''}${p.text}`).join('  '))).toBeLessThanOrEqual(20);
  });
});

describe('dialogs in the TUI', () => {
  it('at 40x12 the quit dialog shows what happens next as well as every key', async () => {
    const { ui } = await open(40, 12);
    await ui.press('q');
    const frame = await ui.waitFor('Quit cutover?');
    for (const text of ['Everything is already saved.', 'Resume later with: cutover resume', 'y quit', 'f finish the session and quit', 'n stay', 'Esc cancel']) expect(frame).toContain(text);
    expect(fits(frame, 40, 12)).toBe(true);
  });

  it('at 30x8 every key of the quit dialog is on screen, and the header and footer too', async () => {
    const { ui } = await open(30, 8);
    await ui.press('q');
    const frame = await ui.waitFor('Quit cutover?');
    for (const text of ['y quit', 'f finish the session and quit', 'n stay', 'Esc cancel', 'UI te… · staging', 'Enter quit']) expect(frame).toContain(text);
    expect(fits(frame, 30, 8)).toBe(true);
  });

  it('at 30x6 the screen behind the quit dialog gives way: every key stays on screen', async () => {
    const { ui } = await open(30, 6);
    await ui.press('q');
    const frame = await ui.waitFor('Quit cutover?');
    for (const text of ['y quit', 'f finish the session and quit', 'n stay', 'Esc cancel', 'Enter quit']) expect(frame).toContain(text);
    expect(fits(frame, 30, 6)).toBe(true);
  });

  it('the one list row left beside a dialog is drawn alone, with its place in the list', async () => {
    const { ui } = await open(40, 10);
    await ui.press('q');
    const frame = await ui.waitFor('Quit cutover?');
    const row = frame.split('\n').find((line) => line.includes('Says ok')) ?? '';
    expect(row).toMatch(/^›· Says ok +1\/4$/);
  });

  it('a resize with a dialog open lays it out again, down to 30x7 and back, without a crash', async () => {
    const { ui } = await open(80, 24);
    await ui.press('q');
    await ui.waitFor('╭');
    for (const [columns, rows] of [[40, 12], [30, 7], [20, 5], [80, 24]] as const) {
      resize(ui.stdout, columns, rows);
      await ui.waitFor((f) => f.includes('Quit cutover?') && f.split('\n').every((l) => stringWidth(l) <= columns));
    }
    const frame = await ui.waitFor('╭');
    expect(frame).toContain('Everything is already saved.');
  });
});

describe('lists and help', () => {
  const rows = ['one', 'two', 'three', 'four', 'five'].map((key) => ({ key, text: key }));
  const select = (height: number, index: number): string => render(createElement(Select, { rows, index, height, focused: true })).lastFrame() ?? '';

  it('a list cut to 2 rows or 1 still says that more is hidden', () => {
    expect(select(2, 2)).toMatch(/› *three\n +↑ 2 ↓ 2 more/);
    expect(select(1, 4)).toMatch(/› *five +5\/5/);
    expect(select(3, 0)).toMatch(/^ *\n› *one\n +↓ 4 more/);
  });

  it('a form cut to the rows it has says how many fields are out of sight', async () => {
    const dir = tempEvidenceDir();
    const { fixture } = await import('./helpers.js');
    const ui = renderTui({ evidenceDir: dir, columns: 40, rows: 12, screen: { name: 'new-session', ref: fixture, prefill: {}, fromHome: false } });
    const frame = await ui.waitFor(/↓ \d+ more/);
    expect(frame).toContain('› Ticket');
  });

  it('at 40x12 the role editor gets the rows (the table gives way), its first field and what is below', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    const ui = renderTui({ session, columns: 40, rows: 12, screen: { name: 'roles' } });
    await ui.waitFor('u TBD');
    await ui.press('\r');
    const frame = await ui.waitFor('› Name');
    expect(frame).toContain('Release lead (required before T0)');
    expect(frame).toContain('↓ 3 more');
    expect(fits(frame, 40, 12)).toBe(true);
  });

  it('help texts wrap under themselves instead of being cut', () => {
    const { lines, labelWidth } = helpLines(helpRows('main'), 40);
    expect(labelWidth).toBe(9);
    expect(lines.every((l) => stringWidth(l.text) <= 39 - (l.heading ? 0 : labelWidth))).toBe(true);
    const text = lines.map((l) => l.text).join(' ');
    expect(text).toContain('edit the command, then run it (the edited command is recorded)');
    expect(text).not.toContain('…');
  });

  it('at 40x12 the help screen scrolls through the wrapped lines', async () => {
    const { ui } = await open(40, 12);
    await ui.press('?');
    await ui.waitFor('Help — keys');
    let frame = ui.lastFrame() ?? '';
    for (let i = 0; i < 3 && !frame.includes('terminal: next section)'); i++) frame = await ui.press('\u001B[6~');
    expect(frame).toMatch(/→ +to the items pane \(narrow\n +terminal: next section\)/);
    expect(fits(frame, 40, 12)).toBe(true);
  });

  it('the help screen goes to its end with G and back to its top with g, like the pager', async () => {
    const { ui } = await open(40, 12);
    await ui.press('?');
    const first = await ui.waitFor('Help — keys');
    const shown = (frame: string) => /Help — keys \D*(\d+)-(\d+)(?:\/| of )(\d+)/.exec(frame)?.slice(1).map(Number) ?? [];
    expect(shown(first)[0]).toBe(1);
    const [, shownTo, total] = shown(await ui.press('G'));
    expect(shownTo).toBe(total);
    expect(shownTo).toBeGreaterThan(12);
    expect(shown(await ui.press('g'))[0]).toBe(1);
  });
});
