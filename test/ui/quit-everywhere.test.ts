// q asks to quit on every screen that is not a text field, and a key that does nothing says so.
// On the roles screen q did nothing, silently: an operator who pressed q there and then typed a
// shell command ("clear; cutover resume …") acknowledged both required roles as TBD (u) and
// marked T0 (t) with the rest of the line as its note.
import { describe, expect, it } from 'vitest';
import type { Screen } from '../../src/ui/app/screens.js';
import { escape, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function openOn(screen: Screen, ready: string) {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, screen, columns: 100, rows: 30 });
  await ui.waitFor(ready);
  return { session, ui };
}

describe('q on screens without text fields', () => {
  it.each([
    [{ name: 'roles' } as Screen, 'Release lead'],
    [{ name: 'incidents' } as Screen, 'Incidents'],
    [{ name: 'signoff' } as Screen, 'Sign-off'],
  ])('%j: q asks to quit and shows in the footer; y quits', async (screen, ready) => {
    const { ui } = await openOn(screen, ready);
    expect(ui.lastFrame()).toContain('q quit');
    await ui.press('q');
    await ui.waitFor('Quit cutover?');
    await ui.press('y');
    expect(ui.onQuit).toHaveBeenCalledWith({ finish: false });
  });

  it('roles: q, then a shell command typed in the belief that it quit: it quits, recording nothing', async () => {
    const { session, ui } = await openOn({ name: 'roles' }, 'Release lead');
    await ui.press('q');
    ui.stdin.write('clear; cutover resume\r');
    await ui.waitFor(() => ui.onQuit.mock.calls.length > 0);
    expect(ui.onQuit).toHaveBeenCalledWith({ finish: false });
    expect(session.state.t0).toBeUndefined();
    expect(Object.keys(session.state.roles)).toHaveLength(0);
  });

  it('roles: a letter that does nothing says so, with the Caps Lock hint', async () => {
    const { ui } = await openOn({ name: 'roles' }, 'Release lead');
    await ui.press('x');
    await ui.waitFor('x does nothing here: ? lists the keys');
    await ui.press('U');
    await ui.waitFor('U does nothing here (Caps Lock on? u is a key here)');
  });

  it('incidents: a letter that does nothing says so', async () => {
    const { ui } = await openOn({ name: 'incidents' }, 'Incidents');
    await ui.press('z');
    await ui.waitFor('z does nothing here: ? lists the keys');
  });

  it('main: Esc, where there is nothing to close, says where out is', async () => {
    const { ui } = await openOn({ name: 'main' }, 'Smoke checks');
    await ui.press(escape);
    await ui.waitFor('Esc: nothing to close here (q quits, ? lists the keys)');
  });
});
