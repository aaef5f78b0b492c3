// Triage (declare and resolve incidents, rules evaluated live), decisions, sign-off and export.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arrowDown, arrowRight, ctrlS, enter, escape, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function open() {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session });
  await ui.waitFor('Smoke checks');
  return { session, ui };
}

describe('triage', () => {
  it('shows every level with its criteria and the rules now and once declared', async () => {
    const { session, ui } = await open();
    await ui.press('i');
    let frame = await ui.waitFor('Declare an incident');
    for (const text of ['SEV0 — Roll back now', 'data loss', 'service down', 'SEV1 — Roll back possible', 'slow answers', 'SEV2 — Fix forward', 'cosmetic']) expect(frame).toContain(text);
    expect(frame).toContain('now: No rule firing');
    expect(frame).toContain('once declared: ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback');
    await ui.press(arrowRight);
    frame = await ui.waitFor('[SEV1]');
    expect(frame).toContain('once declared: No rule firing');
    await ui.press('2');
    await ui.waitFor('[SEV2]');
    await ui.press('1');
    await ui.waitFor('[SEV1]');
    await ui.press(tab);
    ui.stdin.write('checkout returns 500');
    await ui.press(tab);
    ui.stdin.write('since T+3, all regions');
    await ui.press(enter);
    frame = await ui.waitFor('INC-1 declared (SEV1)');
    expect(session.state.incidents[0]).toMatchObject({ severity: 'SEV1', title: 'checkout returns 500', description: 'since T+3, all regions' });
    expect(frame).toContain('open incidents: SEV1×1');
  });

  it('a SEV0 turns the header into ROLLBACK RECOMMENDED; resolving it clears it', async () => {
    const { session, ui } = await open();
    await ui.press('i');
    await ui.waitFor('Declare an incident');
    await ui.press(tab);
    ui.stdin.write('data loss on write');
    await ui.press('\u0013');
    let frame = await ui.waitFor('INC-1 declared (SEV0)');
    expect(frame).toContain('open incidents: SEV0×1');
    expect(frame).toMatch(/^ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback$/m);
    expect(session.state.firedRules['any-sev0']).toBeDefined();
    await ui.press('v');
    frame = await ui.waitFor('Incidents');
    expect(frame).toMatch(/INC-1\s+SEV0\s+data loss on write/);
    await ui.press('R');
    await ui.waitFor('Resolve INC-1');
    ui.stdin.write('false alarm: replica lag');
    await ui.press(enter);
    frame = await ui.waitFor('INC-1 resolved');
    expect(frame).toContain('No rule firing');
    expect(session.state.incidents[0]?.resolution).toBe('false alarm: replica lag');
  });

  it('a new incident from the incidents list (v, then i) goes back to the list, declared or not', async () => {
    const { session, ui } = await open();
    await ui.press('v');
    await ui.waitFor('Incidents');
    await ui.press('i');
    await ui.waitFor('Declare an incident');
    let frame = await ui.press(escape);
    frame = await ui.waitFor('Incidents');
    expect(frame).not.toContain('Declare an incident');
    await ui.press('i');
    await ui.waitFor('Declare an incident');
    await ui.press(tab);
    ui.stdin.write('disk filling on db-2');
    await ui.press(ctrlS);
    frame = await ui.waitFor(/INC-1\s+\S+\s+disk filling on db-2/);
    expect(frame).toContain('Incidents');
    expect(session.state.incidents).toHaveLength(1);
  });

  it('an incident needs a title', async () => {
    const { session, ui } = await open();
    await ui.press('i');
    await ui.waitFor('Declare an incident');
    await ui.press('\u0013');
    await ui.waitFor('an incident needs a title');
    expect(session.state.incidents).toHaveLength(0);
  });
});

describe('decision, sign-off, export', () => {
  it('records a decision with its reason and who took it', async () => {
    const { session, ui } = await open();
    await ui.press('d');
    let frame = await ui.waitFor('Record a decision');
    expect(frame).toContain('[keep]');
    await ui.press(arrowRight);
    await ui.press(arrowRight);
    frame = await ui.waitFor('[rollback]');
    expect(frame).toContain('rollback: go back to the previous system');
    await ui.press(enter);
    await ui.press(enter);
    await ui.waitFor('a decision needs a reason');
    ui.stdin.write('SEV0 open');
    await ui.press(enter);
    await ui.waitFor('decision recorded: rollback');
    expect(session.state.decisions).toEqual([expect.objectContaining({ decision: 'rollback', reason: 'SEV0 open', by: 'tester' })]);
  });

  it('after a rollback decision, opens the rollback section on its first pending item', async () => {
    const { session, ui } = await open();
    await session.markItem('rollback', 'rb-announce', 'pass');
    await session.declareIncident({ severity: 'SEV0', title: 'down' });
    await ui.waitFor('ROLLBACK RECOMMENDED — SEV0 open');
    await ui.press('d');
    await ui.waitFor('[rollback]'); // what the rules recommend is picked already
    // r, meaning rollback, keeps rollback (it once moved on to roll-forward); a second r moves on
    expect(await ui.press('r')).toContain('[rollback]');
    expect(await ui.press('r')).toContain('[roll-forward]');
    expect(await ui.press('r')).toContain('[rollback]');
    await ui.press(arrowRight); // any other key: the next r is a first press again
    expect(await ui.press('r')).toContain('[rollback]');
    await ui.press(tab);
    ui.stdin.write('SEV0 open');
    await ui.press(ctrlS); // submits from any field: one key, so none is left over for the main view
    const frame = await ui.waitFor('decision recorded: rollback · next: Rollback');
    expect(frame).toMatch(/▸ Rollback/);
    expect(frame).toMatch(/›. Switch back/);
    expect(frame).toContain('$ echo switched back');
    // the header says the recommendation still firing was decided on
    expect(frame).toMatch(/ROLLBACK RECOMMENDED · rollback decided \d\d:\d\d:\d\d by tester — SEV0 open/);
  });

  it('a keep decision leaves the main view where it was', async () => {
    const { ui } = await open();
    await ui.press('d');
    await ui.waitFor('[keep]');
    await ui.press(tab);
    ui.stdin.write('all green');
    await ui.press(ctrlS); // submits from any field: one key, so none is left over for the main view
    const frame = await ui.waitFor('decision recorded: keep');
    expect(frame).not.toContain('next: ');
    expect(frame).toMatch(/›. Smoke checks/);
  });

  it('signs off per role with a name and the time', async () => {
    const { session, ui } = await open();
    await ui.press('S');
    await ui.waitFor('Sign-off');
    await ui.press(enter);
    // nothing is run yet: the prompt says what is being signed as it stands
    expect(await ui.waitFor('Sign off as Release lead')).toMatch(/⚠ Not finished: \d+ items not done\. The sign-off is recorded with the cutover as it stands\./);
    ui.stdin.write('Alice');
    await ui.press(enter);
    const frame = await ui.waitFor('Release lead signed off: Alice');
    expect(frame).toMatch(/Release lead\s+Alice\s+\d\d:\d\d:\d\d/);
    expect(session.state.signoffs[0]).toMatchObject({ role: 'lead', name: 'Alice' });
  });

  it('does not take one letter (a key pressed twice) as the name of who signs off', async () => {
    const { session, ui } = await open();
    await ui.press('S');
    await ui.waitFor('Sign-off');
    await ui.press(enter);
    await ui.waitFor('Sign off as Release lead');
    ui.stdin.write('S');
    await ui.press(enter);
    await ui.waitFor('"S" is not a name: type the name of the person signing off');
    expect(session.state.signoffs).toEqual([]);
    ui.stdin.write('am');
    await ui.press(enter);
    await ui.waitFor('Release lead signed off: Sam');
  });

  it('Enter on an item of a sign-off section signs for its owner and records the item', async () => {
    const { session, ui } = await open();
    for (let i = 0; i < 4; i++) await ui.press(arrowDown);
    await ui.waitFor('Lead signs off');
    await ui.press(arrowRight);
    await ui.press(enter);
    await ui.waitFor('Sign off as Release lead: Lead signs off');
    ui.stdin.write('Alice');
    await ui.press(enter);
    await ui.waitFor('signed off');
    expect(session.state.signoffs[0]).toMatchObject({ role: 'lead', name: 'Alice', item: 'so-lead' });
    // the item is done: back on the checklist it reads as passed, not pending
    expect(session.state.items['signoff/so-lead']).toMatchObject({ status: 'pass', note: 'signed off by Alice (Release lead)' });
    await ui.press(escape);
    await ui.waitFor(/✓ Lead signs off/);
  });

  it('x writes the incident package and shows its path', async () => {
    const { session, ui } = await open();
    await ui.press('x');
    // where an empty "Write to" goes is said before anything is written
    expect(await ui.waitFor('Export the incident package')).toMatch(/Write to\s+\S*\.bundle/);
    await ui.press(enter);
    const frame = await ui.waitFor('written:', 20_000);
    const path = session.state.exports[0]?.path ?? '';
    expect(path).not.toBe('');
    expect(existsSync(path)).toBe(true);
    expect(frame).toContain('cutover verify');
    await ui.press(escape);
    await ui.waitFor('Smoke checks');
  });
});
