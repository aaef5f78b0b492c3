// Found by walking the TUI in tmux: a section with no items shows its text (scrollable); a drill
// that refuses a destructive step says why and what to do; a long message gets a second footer
// row on a small terminal; the role editor fits 30x8; section titles are cut in display columns.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { footerRows } from '../../src/ui/layout/footer.js';
import { sectionTitle } from '../../src/ui/screens/main/section-list.js';
import { arrowDown, arrowRight, enter, escape, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const sectionText = join(import.meta.dirname, 'fixtures', 'section-text.yaml');
const sessions = sessionsClosedAfterEach();

async function open(columns: number, rows: number, overrides: Parameters<typeof startSession>[1] = {}, screen?: { name: 'roles' }) {
  const session = await startSession(tempEvidenceDir(), overrides);
  sessions.push(session);
  const ui = renderTui({ session, columns, rows, screen });
  return { session, ui };
}

const fits = (frame: string, columns: number, rows: number): boolean => frame.split('\n').length <= rows - 1 && frame.split('\n').every((l) => stringWidth(l) <= columns);

describe('a section with no items', () => {
  it('shows its text (a table kept aligned), says what is below, and ↓ scrolls it to the end', async () => {
    const { ui } = await open(100, 24, { checklistPath: sectionText });
    let frame = await ui.waitFor('Decision matrix · no items');
    expect(frame).not.toContain('(no items in this section)');
    expect(frame).toContain('| High  | SEV1     | Roll back now, page the IC |');
    expect(frame).toMatch(/↓ \d+ more lines \(Tab, then ↓ scrolls\)/);
    expect(frame).not.toContain('last line of the matrix notes');
    await ui.press(tab);
    frame = await ui.press(arrowDown);
    expect(frame).toMatch(/↑ 1 more line\b/);
    await ui.press('G');
    frame = await ui.waitFor('last line of the matrix notes');
    expect(frame).toMatch(/↑ \d+ more lines/);
    expect(frame).toContain("end of the section's text");
    // the cursor stayed in the section: ↓ scrolled, it did not move on
    expect(frame).toContain('▸ Decision matrix');
  });

  it('a section with items shows its text above the item when the detail has room', async () => {
    const { ui } = await open(100, 24, { checklistPath: sectionText });
    await ui.waitFor('Decision matrix · no items');
    await ui.press(arrowDown);
    const frame = await ui.waitFor('Flip traffic  (flip)');
    expect(frame).toContain('section: Bridge: https://meet.example.com/switch');
  });
});

describe('a drill refusing a destructive step', () => {
  it('says it was refused, why, how to mark it by hand and how to allow it; r does not record another refusal', async () => {
    const { session, ui } = await open(100, 24, { mode: 'drill' });
    await ui.waitFor('Sections');
    for (let i = 0; i < 3; i++) await ui.press(arrowDown);
    await ui.press(arrowRight);
    await ui.press(enter);
    let frame = await ui.waitFor('REFUSED, nothing ran: this drill was opened without --allow-destructive');
    expect(frame).toContain('To mark it by hand: Esc, then p (pass), f (fail) or s (skip).');
    expect(frame.replace(/\n/g, ' ')).toMatch(/To run it: quit, then cutover resume \S+\.json\s+--allow-destructive/);
    expect(frame).not.toContain('manual item');
    await ui.press('r');
    frame = await ui.waitFor('a drill refuses it again');
    expect(session.state.destructive).toHaveLength(1);
    await ui.press(escape);
    frame = await ui.waitFor(/refused at \d\d:\d\d:\d\d, nothing ran/);
    expect(frame).toContain('p/f/s mark it by hand');
    expect(frame).not.toContain('manual item');
    expect(frame).not.toContain('not run yet');
  });

  it('at 40x12 the verdict leads with what happened and the next step shows', async () => {
    const { ui } = await open(40, 12, { mode: 'drill' });
    await ui.waitFor('◀ 1/6 ▶');
    for (let i = 0; i < 3; i++) await ui.press(arrowRight);
    await ui.waitFor('◀ 4/6 ▶');
    await ui.press(enter);
    const frame = await ui.waitFor('✗ REFUSED, nothing ran');
    expect(frame).toContain('To mark it by hand: Esc, then p (pass),');
    expect(fits(frame, 40, 12)).toBe(true);
  });
});

describe('a long message on a small terminal', () => {
  it('at 40x12 takes a second footer row, so its end shows', async () => {
    const { ui } = await open(40, 12);
    await ui.waitFor('◀ 1/6 ▶');
    await ui.press(enter);
    await ui.waitFor('Enter/Esc back');
    ui.stdin.write(escape);
    await ui.waitFor('◀ 1/6 ▶');
    ui.stdin.write(enter);
    const frame = await ui.waitFor('Enter or r again runs');
    expect(frame).toContain('Enter ignored right after coming back:');
    expect(fits(frame, 40, 12)).toBe(true);
  });

  it('footer rows: 80x24 keeps its height (the hints give a line), a small terminal gives a body row only when it can', () => {
    const long = 'x'.repeat(100);
    expect(footerRows(23, 80, 'short')).toEqual({ statusLines: 1, hintLines: 2 });
    expect(footerRows(23, 80, long, 15)).toEqual({ statusLines: 2, hintLines: 1 });
    expect(footerRows(11, 40, long, 7)).toEqual({ statusLines: 2, hintLines: 1 });
    expect(footerRows(7, 30, long, 4)).toEqual({ statusLines: 1, hintLines: 1 });
  });
});

describe('the role editor at 30x8', () => {
  it('fits: the heading and border give way to the role and its first field', async () => {
    const { ui } = await open(30, 8, {}, { name: 'roles' });
    await ui.waitFor('Enter edit');
    await ui.press(enter);
    const frame = await ui.waitFor('› Name');
    expect(frame).toContain('Release lead');
    expect(frame).toContain('↓ 3 more');
    expect(fits(frame, 30, 8)).toBe(true);
  });
});

describe('section titles', () => {
  it('are measured in display columns: a wide "Parent / Child" title keeps its child in the width', () => {
    expect(sectionTitle('決済 / 移行', 9)).toBe('…/ 移行');
    const cut = sectionTitle('データベース / 移行手順', 14);
    expect(stringWidth(cut)).toBeLessThanOrEqual(14);
    expect(cut.endsWith('/ 移行手順')).toBe(true);
    expect(sectionTitle('決済 / 移行', 11)).toBe('決済 / 移行');
  });
});
