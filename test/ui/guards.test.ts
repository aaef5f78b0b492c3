// Keys a stressed operator presses twice, or one letter off: nothing runs or closes that was not
// asked for, and what a dialog does is readable before the key is pressed.
import { describe, expect, it } from 'vitest';
import { arrowRight, ctrlC, enter, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function open(columns = 100, rows = 24) {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, columns, rows });
  await ui.waitFor('Smoke checks');
  return { session, ui };
}

describe('double presses', () => {
  it('Enter pressed twice on a finished run goes back once: the next item is not run', async () => {
    const { session, ui } = await open();
    await ui.press(arrowRight);
    await ui.press(enter);
    await ui.waitFor('✓ PASS');
    ui.stdin.write(`${enter}${enter}`);
    await ui.waitFor('Enter ignored right after coming back: Enter or r again runs');
    expect(session.state.runOrder).toHaveLength(1);
    // the guard is short: a deliberate Enter runs the item the cursor moved to
    await new Promise((done) => setTimeout(done, 450));
    await ui.press(enter);
    await ui.waitFor('✗ FAIL');
    expect(session.state.runOrder).toHaveLength(2);
  });

  it('an Enter right after a form is submitted (triage) does not run the selected item', async () => {
    const { session, ui } = await open();
    await ui.press(arrowRight);
    await ui.press('i');
    await ui.waitFor('Declare an incident');
    ui.stdin.write('\t');
    ui.stdin.write('api slow');
    ui.stdin.write('\t');
    await ui.waitFor('› What happened');
    ui.stdin.write(enter);
    await ui.waitFor('INC-1 declared');
    await ui.press(enter);
    await ui.waitFor('Enter ignored right after coming back: Enter or r again runs');
    expect(session.state.incidents).toHaveLength(1);
    expect(session.state.runOrder).toHaveLength(0);
  });

  it('Ctrl-C while typing a note asks to quit; staying brings the note back as typed', async () => {
    const { session, ui } = await open();
    await ui.press(arrowRight);
    await ui.press('n');
    await ui.waitFor('Note on "Says ok"');
    ui.stdin.write('half of a long note');
    await ui.waitFor('half of a long note');
    await ui.press(ctrlC);
    await ui.waitFor('Quit cutover?');
    await ui.press('n');
    await ui.waitFor('half of a long note');
    ui.stdin.write(' and the rest');
    await ui.press(enter);
    await ui.waitFor('note recorded');
    expect(session.state.notes.at(-1)?.text).toBe('half of a long note and the rest');
  });
});

describe('Ctrl-C over the help', () => {
  it('shows the quit question (the help closes) instead of queueing it out of sight', async () => {
    const { ui } = await open();
    await ui.press('?');
    await ui.waitFor('Help — keys');
    await ui.press(ctrlC);
    const frame = await ui.waitFor('Quit cutover?');
    expect(frame).not.toContain('Help — keys');
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('Quit cutover?'));
    expect(ui.onQuit).not.toHaveBeenCalled();
  });
});

describe('keys that do nothing', () => {
  it('say so, and a capital that is not a key suggests Caps Lock', async () => {
    const { ui } = await open();
    await ui.press('z');
    await ui.waitFor('z does nothing here: ? lists the keys');
    await ui.press('P');
    await ui.waitFor('P does nothing here (Caps Lock on? p is a key here): ? lists the keys');
  });
});
