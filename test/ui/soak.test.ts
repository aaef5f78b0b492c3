// Soaks (watch items): the running screen shows a mark per run and the time left; a failed run
// fails the item and offers its onFail severity; the detail pane keeps the row of marks.
import { describe, expect, it } from 'vitest';
import { soakLine } from '../../src/ui/run/soak-marks.js';
import { arrowDown, arrowRight, clockFixture, enter, escape, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function onFlaky() {
  const session = await startSession(tempEvidenceDir(), { checklistPath: clockFixture });
  sessions.push(session);
  const ui = renderTui({ session, columns: 100, rows: 30 });
  await ui.waitFor('Cutover clock');
  await ui.press(arrowDown);
  await ui.press(arrowDown);
  await ui.waitFor('Fails on its second run');
  await ui.press(arrowRight);
  return { session, ui };
}

describe('a soak', () => {
  it('shows a mark per run and the time left while it runs', async () => {
    const { ui } = await onFlaky();
    await ui.press(enter);
    await ui.waitFor('Soak: Fails on its second run');
    const frame = await ui.waitFor(/soak: ✓ 1 run · \d+(\.\d)?(s|ms) left/, 10_000);
    expect(frame).toContain('running ·');
    await ui.waitFor('✗ FAIL', 15_000);
  });

  it('a failed run fails the item, and the severity it suggests is offered', async () => {
    const { session, ui } = await onFlaky();
    await ui.press(enter);
    let frame = await ui.waitFor('✗ FAIL', 15_000);
    expect(frame).toMatch(/soak: ✓✗✓? [23] runs, 1 failed · done/);
    expect(frame).toMatch(/✗ FAIL · soak: 1 of [23] runs failed · last run: exit/);
    expect(frame).toContain('This soak suggests SEV1 on failure: press i to declare it.');
    expect(session.state.items['soak/flaky']?.status).toBe('fail');
    await ui.press('i');
    frame = await ui.waitFor('Declare an incident');
    expect(frame).toContain('[SEV1]');
    expect(frame).toContain('Fails on its second run failed');
  });

  it('the detail pane keeps the row of marks of the current pass', async () => {
    const { ui } = await onFlaky();
    let frame = await ui.waitFor('soak: every 1s for 2s');
    expect(frame).not.toMatch(/soak: [✓✗]/);
    await ui.press(enter);
    await ui.waitFor('✗ FAIL', 15_000);
    await ui.press(escape);
    frame = await ui.waitFor(/soak: ✓✗✓? [23] runs, 1 failed/);
    expect(frame).toContain('Fails on its second run  (flaky)');
    // a new pass starts an empty row
    await ui.press('N');
    await ui.waitFor('Run "Soak" again as pass 2');
    ui.stdin.write('after the fix');
    await ui.press(enter);
    frame = await ui.waitFor('pass 2 started');
    expect(frame).not.toMatch(/soak: [✓✗]/);
  });
});

describe('soakLine', () => {
  it('counts runs and failures, and keeps the latest marks when the width is short', () => {
    expect(soakLine(['pass', 'pass', 'fail', 'pass'], 80)).toBe('soak: ✓✓✗✓ 4 runs, 1 failed');
    expect(soakLine(['pass'], 80)).toBe('soak: ✓ 1 run');
    const long = soakLine([...Array<'pass'>(50).fill('pass'), 'fail'], 30);
    expect([...long].length).toBeLessThanOrEqual(30);
    expect(long).toMatch(/^soak: …✓+✗ 51 runs, 1 failed$/);
  });
});
