// What the footer said while a command ran is dropped when it ends: "cancelling the command: its
// process group is being killed" stayed under "✗ CANCELLED" (and under SOAK STOPPED) for 8 s, as
// did "a command is running: c cancels it" under the verdict of a command that had ended.
import { describe, expect, it } from 'vitest';
import { arrowDown, arrowRight, ctrlC, enter, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

/** The fixture's `sleep 5` item, running. */
async function runSlow() {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session });
  await ui.waitFor('Smoke checks');
  await ui.press(arrowRight);
  await ui.press(arrowDown);
  await ui.press(arrowDown);
  await ui.waitFor('Sleeps  (slow)');
  await ui.press(enter);
  await ui.waitFor('running ·');
  return { session, ui };
}

const gone = (text: string) => (frame: string) => !frame.includes(text);

describe('the status line once a command has ended', () => {
  it('Ctrl-C: "cancelling…" goes when the run is recorded as cancelled', async () => {
    const { session, ui } = await runSlow();
    await ui.press(ctrlC);
    await ui.waitFor('✗ CANCELLED');
    await ui.waitFor(gone('process group is being killed'), 1_500);
    expect(Object.values(session.state.runs).at(-1)?.finished?.cancelled).toBe(true);
  });

  it('"a command is running" (q pressed while it ran) goes when it has ended', async () => {
    const { ui } = await runSlow();
    await ui.press('q');
    await ui.waitFor('a command is running: c cancels it');
    await ui.press('c');
    await ui.waitFor('✗ CANCELLED');
    const frame = await ui.waitFor(gone('a command is running'), 1_500);
    expect(frame).toContain('Enter/Esc back');
  });

  it('a message said after the end stays (Ctrl-C right after a cancel)', async () => {
    const { ui } = await runSlow();
    await ui.press(ctrlC);
    await ui.waitFor('✗ CANCELLED');
    await ui.press(ctrlC);
    await ui.waitFor('nothing to cancel');
    await new Promise((done) => setTimeout(done, 300));
    expect(ui.lastFrame()).toContain('nothing to cancel');
  });
});
