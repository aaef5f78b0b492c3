// Longer walks: a rollback offers a new smoke pass, a locked roll-forward asks for an override,
// a drill injects a fault, N starts a new pass by hand.
import { describe, expect, it } from 'vitest';
import { arrowDown, arrowLeft, arrowRight, enter, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function open(overrides = {}) {
  const session = await startSession(tempEvidenceDir(), overrides);
  sessions.push(session);
  const ui = renderTui({ session });
  await ui.waitFor('Smoke checks');
  return { session, ui };
}

describe('flows', () => {
  it('completing the rollback offers the smoke section again as a new pass; earlier results stay', async () => {
    const { session, ui } = await open();
    await session.runItem('smoke', 'broken');
    await ui.press(arrowDown);
    await ui.press(arrowRight);
    await ui.waitFor('Announce the rollback');
    await ui.press('p');
    await ui.press(enter);
    await ui.waitFor('rb-announce marked pass');
    // an Enter right after the dialog closed is taken as a double press, not as "run the next item"
    await ui.press(enter);
    await ui.waitFor('Enter ignored right after the dialog closed');
    expect(session.state.runOrder).toHaveLength(1);
    await ui.press('r');
    await ui.waitFor('✓ PASS');
    await ui.press(enter);
    let frame = await ui.waitFor('Rollback complete: run the smoke checks again as pass 2?');
    await ui.press('y');
    frame = await ui.waitFor('pass 2 started');
    expect(frame).toContain('Smoke checks — pass 2');
    expect(frame).toMatch(/›· Says ok/);
    expect(session.state.passes.smoke).toBe(2);
    expect(session.state.items['smoke/broken']).toBeUndefined();
    expect(session.state.history['smoke/broken#1']?.status).toBe('fail');
  });

  it('does not offer another smoke pass when the smoke checks were already run again during the rollback', async () => {
    const { session, ui } = await open();
    await session.runItem('smoke', 'broken');
    await session.markItem('rollback', 'rb-announce', 'pass');
    await session.startNewPass('smoke', 'after the switch back');
    await session.runItem('smoke', 'ok');
    await ui.press(arrowDown);
    await ui.press(arrowRight);
    await ui.press(arrowDown);
    await ui.waitFor(/›. Switch back/);
    await ui.press('r');
    await ui.waitFor('✓ PASS');
    await ui.press(enter);
    await ui.waitFor('Rollback');
    await new Promise((done) => setTimeout(done, 300));
    expect(ui.lastFrame()).not.toContain('Rollback complete');
    expect(session.state.passes.smoke).toBe(2);
  });

  it('a locked roll-forward asks for an override reason before running, and records it', async () => {
    const { session, ui } = await open();
    await session.declareIncident({ severity: 'SEV1', title: 'slow' });
    await ui.press(arrowDown);
    await ui.press(arrowDown);
    let frame = await ui.waitFor('LOCKED');
    expect(frame).toContain('open incidents: INC-1 (SEV1)');
    await ui.press(arrowRight);
    await ui.press(enter);
    await ui.waitFor('Roll forward is locked');
    await ui.press(enter);
    await ui.waitFor('an override needs a reason');
    ui.stdin.write('incident accepted by the lead');
    await ui.press(enter);
    frame = await ui.waitFor('✓ PASS');
    expect(session.state.overrides[0]).toMatchObject({ section: 'rollforward', reason: 'incident accepted by the lead' });
    expect(session.state.items['rollforward/rf-run']?.status).toBe('pass');
  });

  it('N starts a new pass of the selected section with a reason', async () => {
    const { session, ui } = await open();
    await ui.press('N');
    await ui.waitFor('again as pass 2');
    ui.stdin.write('config changed');
    await ui.press(enter);
    await ui.waitFor('pass 2 started');
    expect(session.state.passes.smoke).toBe(2);
  });

  it('I injects a drill fault only in a drill', async () => {
    const { session, ui } = await open();
    await ui.press(arrowRight);
    await ui.press('I');
    await ui.waitFor('faults are injected only in a drill');
    expect(Object.keys(session.state.runs)).toHaveLength(0);
  });

  it('in a drill, I runs the fault declared by the item, recorded as an injection', async () => {
    const { session, ui } = await open({ mode: 'drill' });
    await ui.press(arrowRight);
    expect(await ui.waitFor('drill fault (I): makes the next check fail')).toContain('DRILL');
    await ui.press('I');
    const frame = await ui.waitFor((f) => f.includes('INJECTING FAULT') && f.includes('✓ FAULT INJECTED'));
    expect(frame).toContain('fault injected');
    expect(Object.values(session.state.runs)[0]).toMatchObject({ purpose: 'inject', command: 'echo fault injected' });
    // an injection is not the item's result
    expect(session.state.items['smoke/ok']).toBeUndefined();
    await ui.press(enter);
    await ui.waitFor('Enter/r run');
    await ui.press(arrowDown);
    await ui.press('I');
    await ui.waitFor('broken declares no fault to inject');
  });

  it('in a drill: the DRILL banner shows and destructive items are refused (and the refusal recorded)', async () => {
    const { session, ui } = await open({ mode: 'drill' });
    expect(ui.lastFrame()).toContain('DRILL');
    for (let i = 0; i < 3; i++) await ui.press(arrowDown);
    await ui.press(arrowRight);
    await ui.press(enter);
    const frame = await ui.waitFor('REFUSED, nothing ran');
    expect(frame).toContain('this drill was opened without --allow-destructive');
    expect(session.state.destructive[0]).toMatchObject({ item: 'wipe', outcome: 'refused' });
    await ui.press(enter);
    await ui.press(arrowLeft);
    await ui.waitFor('▸ Sections');
  });
});
