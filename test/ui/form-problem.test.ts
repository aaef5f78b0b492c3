// A form's complaint about an empty field goes once that field is typed into: "an incident needs a
// title" stayed under a title the operator had since typed, until the form closed.
import { describe, expect, it } from 'vitest';
import { backspace, ctrlS, enter, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function open() {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, columns: 100, rows: 30 });
  await ui.waitFor('Smoke checks');
  return { session, ui };
}

describe('a problem with a field', () => {
  it('incident: goes when the title is typed, and comes back if it is emptied and submitted again', async () => {
    const { session, ui } = await open();
    await ui.press('i');
    await ui.waitFor('Declare an incident');
    await ui.press(ctrlS);
    await ui.waitFor('an incident needs a title');
    ui.stdin.write('x');
    await ui.waitFor(/Title\s+x/);
    await ui.waitFor((f) => !f.includes('an incident needs a title'), 1_000);
    await ui.press(backspace);
    await ui.press(ctrlS);
    const frame = await ui.waitFor('an incident needs a title');
    expect(frame).toContain('Declare an incident');
    expect(session.state.incidents).toHaveLength(0);
  });

  it('decision: goes when a reason is typed', async () => {
    const { session, ui } = await open();
    await ui.press('d');
    await ui.waitFor('Record a decision');
    await ui.press(tab);
    await ui.press(enter);
    await ui.waitFor('a decision needs a reason');
    ui.stdin.write('SEV0 open');
    const frame = await ui.waitFor((f) => f.includes('SEV0 open') && !f.includes('a decision needs a reason'), 1_000);
    expect(frame).toContain('Record a decision');
    expect(session.state.decisions).toHaveLength(0);
  });
});
