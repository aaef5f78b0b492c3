// Esc and a key pressed right after it arrive in one read ("\x1bq"), which Ink reports as Alt-q:
// the TUI has no Alt keys, so it is Esc, then the key, and neither is lost.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { toKeyEvents } from '../../src/ui/keys/key-event.js';
import { enter, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function open(screen: 'main' | 'roles') {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, columns: 100, rows: 30, screen: { name: screen } });
  await ui.waitFor(screen === 'main' ? 'Smoke checks' : 'Release lead');
  return { session, ui };
}

const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } as Key;

describe('Esc then a key in one read', () => {
  it('is two events: Esc, then the key', () => {
    expect(toKeyEvents('q', { ...noKey, meta: true })).toEqual([
      { name: 'escape', text: '', ctrl: false, meta: false, glued: true },
      { text: 'q', ctrl: false, meta: false, glued: true },
    ]);
    expect(toKeyEvents('D', { ...noKey, meta: true, shift: true }).map((e) => e.name ?? e.text)).toEqual(['escape', 'D']);
  });

  it('Esc q on the roles screen goes back to the checklist and asks to quit', async () => {
    const { ui } = await open('roles');
    ui.stdin.write('\u001Bq');
    const frame = await ui.waitFor('Quit cutover?');
    expect(frame).toContain('Smoke checks');
  });

  it('Esc q over a note prompt cancels the prompt and asks to quit', async () => {
    const { session, ui } = await open('main');
    await ui.press('n');
    await ui.waitFor('Note on "');
    ui.stdin.write('\u001Bq');
    const frame = await ui.waitFor('Quit cutover?');
    expect(frame).not.toContain('Note on "');
    expect(session.state.notes).toHaveLength(0);
  });

  it('Esc d on the roles screen opens the decision form from the checklist', async () => {
    const { ui } = await open('roles');
    ui.stdin.write('\u001Bd');
    await ui.waitFor('Record a decision');
  });

  it('over a half-written note (Alt-b out of habit) keeps the text and says Esc alone cancels', async () => {
    const { session, ui } = await open('main');
    await ui.press('n');
    await ui.waitFor('Note on "');
    ui.stdin.write('db primary failed over');
    await ui.waitFor('db primary failed over');
    ui.stdin.write('\u001Bb');
    let frame = await ui.waitFor('the text is kept; Esc alone cancels');
    expect(frame).toContain('db primary failed over');
    expect(frame).not.toContain('overb');
    await ui.press(enter);
    frame = await ui.waitFor('note recorded');
    expect(session.state.notes.map((n) => n.text)).toEqual(['db primary failed over']);
  });

  it('in a recording form with a reason typed, warns like Esc and types nothing', async () => {
    const { session, ui } = await open('main');
    await ui.press('d');
    await ui.waitFor('Record a decision');
    await ui.press(tab);
    ui.stdin.write('all green');
    await ui.waitFor('all green');
    ui.stdin.write('\u001Bq');
    const frame = await ui.waitFor(/Esc again/i);
    expect(frame).toContain('Record a decision');
    expect(frame).not.toContain('all greenq');
    expect(frame).not.toContain('Quit cutover?');
    expect(session.state.decisions).toHaveLength(0);
  });
});
