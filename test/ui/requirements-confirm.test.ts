// A roll-forward's `requires.text` ("the root cause is fixed") are confirmed by the operator, by
// name, before the section's first command runs: Enter keeps them unconfirmed, y records them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { arrowDown, arrowLeft, arrowRight, enter, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();
const checklistPath = fileURLToPath(new URL('../fixtures/headless/confirm.yaml', import.meta.url));

async function openOnRollForward() {
  const session = await startSession(tempEvidenceDir(), { checklistPath });
  sessions.push(session);
  await session.runItem('gates', 'g1');
  const ui = renderTui({ session });
  await ui.waitFor('Gates');
  await ui.press(arrowLeft);
  await ui.press(arrowDown);
  const frame = await ui.waitFor('LOCKED — to confirm');
  await ui.press(arrowRight);
  return { session, ui, frame };
}

describe('confirming a roll-forward\'s requirements', () => {
  it('shows what is to confirm, and Enter on the dialog confirms nothing and runs nothing', async () => {
    const { session, ui, frame } = await openOnRollForward();
    expect(frame).toContain('☐ The root cause is fixed');
    await ui.press(enter);
    const dialog = await ui.waitFor('Roll forward: confirm before going on');
    expect(dialog).toContain('y records that tester confirms each of these holds');
    await ui.press(enter);
    await ui.waitFor('still locked: nothing confirmed, nothing run');
    expect(session.state.confirmations).toEqual([]);
    expect(session.state.runOrder).toHaveLength(1);
  });

  it('y records the confirmation by the operator, then runs the item', async () => {
    const { session, ui } = await openOnRollForward();
    await ui.press(enter);
    await ui.waitFor('confirm before going on');
    await ui.press('y');
    await ui.waitFor('✓ PASS');
    expect(session.state.confirmations).toMatchObject([{ section: 'forward', texts: ['The root cause is fixed', 'Action items are accepted'], by: 'tester', unattended: false }]);
    expect(session.state.items['forward/go']?.status).toBe('pass');
    await ui.press('\u001B');
    const frame = await ui.waitFor('roll-forward unlocked');
    expect(frame).toContain('☑ Action items are accepted');
  });

  it('O confirms them without running anything', async () => {
    const { session, ui } = await openOnRollForward();
    await ui.press('O');
    await ui.waitFor('confirm before going on');
    await ui.press('y');
    await ui.waitFor('requirements confirmed');
    expect(session.state.confirmations).toHaveLength(1);
    expect(session.state.runOrder).toHaveLength(1);
  });
});
