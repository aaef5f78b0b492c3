// A status message belongs to the screen that said it: leaving the screen drops it, except what a
// screen recorded and hands on to the next one ("decision recorded · next: …", "INC-1 declared").
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ctrlS, enter, escape, passLastSmokeCheck, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const nightWalk = join(import.meta.dirname, 'fixtures', 'night-walk.yaml');
const sessions = sessionsClosedAfterEach();

async function open(screen: 'main' | 'roles' = 'main') {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, columns: 100, rows: 30, screen: { name: screen } });
  await ui.waitFor(screen === 'main' ? 'Smoke checks' : 'Release lead');
  return { session, ui };
}

describe('status messages and screens', () => {
  it('a hint about the checklist is gone on the decision form, and does not come back', async () => {
    const { ui } = await open();
    await ui.press('z');
    await ui.waitFor('z does nothing here');
    await ui.press('d');
    let frame = await ui.waitFor('Record a decision');
    expect(frame).not.toContain('does nothing here');
    await ui.press(escape);
    frame = await ui.waitFor('Smoke checks');
    expect(frame).not.toContain('does nothing here');
  });

  it('the end-of-section hint is told on the checklist, and gone on the decision form', async () => {
    const session = await startSession(tempEvidenceDir(), { checklistPath: nightWalk });
    sessions.push(session);
    const ui = renderTui({ session, columns: 80, rows: 24 });
    await passLastSmokeCheck(ui);
    await ui.press('d');
    const frame = await ui.waitFor('Record a decision');
    expect(frame).not.toContain('end of "Smoke checks"');
  });

  it('what the roles screen recorded is not told again on the checklist', async () => {
    const { ui } = await open('roles');
    await ui.press('u');
    await ui.waitFor('Release lead: TBD (acknowledged)');
    await ui.press(escape);
    const frame = await ui.waitFor('Smoke checks');
    expect(frame).not.toContain('TBD (acknowledged)');
  });

  it('a recorded decision is told on the checklist it goes back to', async () => {
    const { ui } = await open();
    await ui.press('z');
    await ui.waitFor('z does nothing here');
    await ui.press('d');
    await ui.waitFor('[keep]');
    await ui.press(tab);
    ui.stdin.write('all green');
    await ui.press(ctrlS);
    const frame = await ui.waitFor('decision recorded: keep');
    expect(frame).toContain('Smoke checks');
  });

  it('a declared incident is told on the screen triage goes back to', async () => {
    const { ui } = await open();
    await ui.press('i');
    await ui.waitFor('Declare an incident');
    await ui.press(tab);
    ui.stdin.write('checkout down');
    await ui.press(ctrlS);
    const frame = await ui.waitFor(/INC-\d+ declared \(SEV0\)/);
    expect(frame).toContain('Smoke checks');
  });
});
