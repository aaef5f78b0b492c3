// Enter on "T0 is already marked. Mark it again now?" keeps T0: it used to open the T0 prompt, so
// an operator pressing Enter on everything moved the T+ clock with two presses.
import { describe, expect, it } from 'vitest';
import { enter, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function withT0() {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  await session.assignRole('lead', { name: '', tbd: true });
  await session.assignRole('ops', { name: '', tbd: true });
  await session.markT0('deploy 1');
  const ui = renderTui({ session, columns: 100, rows: 30 });
  await ui.waitFor('Smoke checks');
  return { session, ui };
}

describe('t when T0 is already marked', () => {
  it('Enter keeps T0 (and says so in the dialog); nothing is recorded', async () => {
    const { session, ui } = await withT0();
    const t0 = session.state.t0;
    await ui.press('t');
    const frame = await ui.waitFor('T0 is already marked');
    expect(frame).toContain('Enter keep it');
    await ui.press(enter);
    await ui.waitFor((f) => !f.includes('already marked'));
    await ui.press(enter);
    await new Promise((done) => setTimeout(done, 300));
    expect(ui.lastFrame()).not.toContain('Mark T0 now');
    expect(session.state.t0).toBe(t0);
  });

  it('y still marks it again, through the T0 prompt', async () => {
    const { ui } = await withT0();
    await ui.press('t');
    await ui.waitFor('T0 is already marked');
    await ui.press('y');
    await ui.waitFor('Mark T0 now');
  });
});
