// A paste is text, never keys. Before bracketed paste was read, a multi-line paste into a note
// recorded its first line at the first newline and typed the rest onto the checklist as keys
// (r runs the selected item, p/f/s mark it, t marks T0).
import { describe, expect, it } from 'vitest';
import { pastedText } from '../../src/ui/keys/bracketed-paste.js';
import { renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const pasteStart = '\u001B[200~';
const pasteEnd = '\u001B[201~';
const multiLine = 'restarted the pod\r\nran smoke by hand\rpager: 555-0100\n\tall green 🚀\n';

const sessions = sessionsClosedAfterEach();

async function openMain() {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, columns: 100, rows: 30, screen: { name: 'main' } });
  await ui.waitFor('Smoke checks');
  return { session, ui };
}

const settle = (ms = 300) => new Promise((done) => setTimeout(done, ms));

describe('pasted text', () => {
  it('is one line: breaks and tabs become spaces, a trailing newline and control characters go', () => {
    expect(pastedText(multiLine)).toBe('restarted the pod ran smoke by hand pager: 555-0100  all green 🚀');
    expect(pastedText('a\u0007b\u001Bc')).toBe('abc');
  });

  it('a multi-line paste into a note is all of the note, and nothing of it becomes a key', async () => {
    const { session, ui } = await openMain();
    await ui.press(tab);
    await ui.press('n');
    await ui.waitFor('Note on "');
    ui.stdin.write(`${pasteStart}${multiLine}${pasteEnd}`);
    await ui.waitFor('all green');
    await settle();
    expect(session.state.notes).toHaveLength(0);
    expect(ui.lastFrame()).toContain('Note on "');
    await ui.press('\r');
    await ui.waitFor('note recorded');
    await settle();
    expect(session.state.notes.map((n) => n.text)).toEqual(['restarted the pod ran smoke by hand pager: 555-0100  all green 🚀']);
    expect(session.state.runOrder).toHaveLength(0);
    expect(Object.values(session.state.items).filter((item) => item.status !== 'pending')).toHaveLength(0);
  });

  it('a paste arriving in pieces (a slow link) is still one paste', async () => {
    const { session, ui } = await openMain();
    await ui.press(tab);
    await ui.press('n');
    await ui.waitFor('Note on "');
    ui.stdin.write(`${pasteStart}first line\r`);
    await settle(50);
    ui.stdin.write('second line\r');
    await settle(50);
    ui.stdin.write(pasteEnd);
    await ui.waitFor('first line second line');
    expect(session.state.notes).toHaveLength(0);
  });

  it('on the checklist, a paste runs nothing and says it was ignored', async () => {
    const { session, ui } = await openMain();
    await ui.press(tab);
    ui.stdin.write(`${pasteStart}rerun\rpass\r${pasteEnd}`);
    const frame = await ui.waitFor('pasted text is not keys');
    expect(frame).toContain('Smoke checks');
    await settle();
    expect(session.state.runOrder).toHaveLength(0);
    expect(Object.values(session.state.items).filter((item) => item.status !== 'pending')).toHaveLength(0);
  });

  it('a paste whose end marker never comes still lands as text, and the keys after it work again', async () => {
    const { session, ui } = await openMain();
    await ui.press(tab);
    await ui.press('n');
    await ui.waitFor('Note on "');
    ui.stdin.write(`${pasteStart}half a paste\r`);
    await ui.waitFor('half a paste', 3_000);
    await settle(100);
    await ui.press('\r');
    await ui.waitFor('note recorded');
    expect(session.state.notes.map((n) => n.text)).toEqual(['half a paste']);
  });

  it('the help says where pasted text goes', async () => {
    const { ui } = await openMain();
    await ui.press('?');
    await ui.press('G');
    const frame = await ui.waitFor('elsewhere it is ignored');
    expect(frame.replace(/\s+/g, ' ')).toContain('Pasted text goes into a text field on one line; elsewhere it is ignored.');
  });
});
