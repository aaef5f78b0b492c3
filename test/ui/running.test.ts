// Running a command: live output, cancel (c and Ctrl-C) recorded as cancelled, help while it runs,
// the full log in the pager, and the soak.
import { describe, expect, it, vi } from 'vitest';
import { arrowDown, arrowRight, ctrlC, ctrlU, enter, escape, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function onItem(index: number) {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session });
  await ui.waitFor('Smoke checks');
  await ui.press(arrowRight);
  for (let i = 0; i < index; i++) await ui.press(arrowDown);
  return { session, ui };
}

/** Runs `command` as an edit of the first item's command. */
async function runTyped(command: string) {
  const opened = await onItem(0);
  await opened.ui.press('e');
  await opened.ui.press(ctrlU);
  opened.ui.stdin.write(command);
  await opened.ui.press(enter);
  return opened;
}

describe('running a command', () => {
  it('c cancels it: the process group is killed and the run is recorded as cancelled', async () => {
    const { session, ui } = await onItem(2);
    await ui.press(enter);
    await ui.waitFor('running ·');
    expect(ui.lastFrame()).toContain('c/Ctrl-C cancel');
    await ui.press('c');
    const frame = await ui.waitFor('cancelled');
    expect(frame).toContain('✗ CANCELLED');
    expect(frame).not.toContain('press i to declare'); // a cancel says nothing about the system
    const run = Object.values(session.state.runs).at(-1);
    expect(run?.finished).toMatchObject({ cancelled: true });
    expect(ui.onQuit).not.toHaveBeenCalled();
  });

  it('Ctrl-C while a command runs cancels it and does not quit', async () => {
    const { session, ui } = await onItem(2);
    await ui.press(enter);
    await ui.waitFor('running ·');
    await ui.press(ctrlC);
    await ui.waitFor('cancelled');
    expect(Object.values(session.state.runs).at(-1)?.finished?.cancelled).toBe(true);
    expect(ui.onQuit).not.toHaveBeenCalled();
    expect(ui.lastFrame()).not.toContain('Quit cutover?');
  });

  it('? shows help while a command runs; the command keeps running and can then be cancelled', async () => {
    const { session, ui } = await onItem(2);
    await ui.press(enter);
    await ui.waitFor('running ·');
    await ui.press('?');
    const help = await ui.waitFor('Help — keys');
    expect(help).toContain('cancel the command');
    await vi.waitFor(() => expect(session.state.runs[session.state.runOrder.at(-1) ?? '']?.inFlight).toBe(true));
    await ui.press(escape);
    await ui.waitFor('running ·');
    await ui.press('c');
    await ui.waitFor('cancelled');
  });

  it('streams output into a bounded tail and shows bytes so far', async () => {
    const { ui } = await runTyped('seq 1 200000; echo ok');
    const frame = await ui.waitFor('✓ PASS', 20_000);
    expect(frame).toContain('200000');
    expect(frame).not.toMatch(/^1$/m);
    expect(frame).toMatch(/1\.\d MB/);
    // the tail holds a bounded number of lines
    expect(ui.runs.snapshot()?.lines.length).toBeLessThanOrEqual(200);
  });

  it('l pages through the full log of a finished run', async () => {
    const { ui } = await runTyped('seq 1 500; echo ok');
    await ui.waitFor('✓ PASS');
    await ui.press('l');
    let frame = await ui.waitFor((f) => f.includes('Log of smoke/ok') && /^1$/m.test(f));
    expect(frame).not.toMatch(/^500$/m);
    await ui.press('G');
    frame = await ui.waitFor(/^ok$/m);
    expect(frame).toContain('(100%)');
    await ui.press('g');
    await ui.waitFor(/^1$/m);
    await ui.press(' ');
    frame = await ui.waitFor((f) => !/^1$/m.test(f));
    await ui.press(escape);
    await ui.waitFor('✓ PASS');
  });
});

describe('a soak (watch)', () => {
  it('re-runs the check, shows the runs so far, and marks the item from all of them', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    const ui = renderTui({ session });
    await ui.waitFor('Smoke checks');
    for (let i = 0; i < 5; i++) await ui.press(arrowDown);
    await ui.waitFor('Echo in a loop');
    await ui.press(arrowRight);
    await ui.press(enter);
    await ui.waitFor('Soak: Echo in a loop');
    const frame = await ui.waitFor('✓ PASS', 15_000);
    expect(frame).toMatch(/soak: ✓✓✓? [23] runs · done/);
    expect(frame).toMatch(/✓ PASS · soak: all [23] runs passed · last run: exit 0/);
    expect(frame).toContain('── run 2 pass ──');
    const runs = Object.values(session.state.runs).filter((r) => r.item === 'soak-echo');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(session.state.items['soak/soak-echo']).toMatchObject({ status: 'pass' });
    expect(session.state.items['soak/soak-echo']?.note).toMatch(/soak: \d of \d runs passed/);
  });
});

describe('after a failed run', () => {
  it('i on the result declares the severity the check suggests; r runs it again', async () => {
    const { session, ui } = await onItem(1);
    await ui.press(enter);
    await ui.waitFor('✗ FAIL');
    await ui.press('r');
    await ui.waitFor((f) => f.includes('✗ FAIL') && Object.keys(session.state.runs).length === 2);
    await ui.press('i');
    const frame = await ui.waitFor('Declare an incident');
    expect(frame).toContain('[SEV0]');
    expect(frame).toContain('Exits 3 failed');
  });
});
