// Roles and T0: required roles block T0 until filled or acknowledged TBD (recorded as TBD).
import { describe, expect, it } from 'vitest';
import { arrowDown, enter, escape, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function open(screen: 'main' | 'roles') {
  const session = await startSession(tempEvidenceDir());
  sessions.push(session);
  const ui = renderTui({ session, screen: { name: screen } });
  return { session, ui };
}

describe('roles and T0', () => {
  it('t is refused while required roles are missing, and says which', async () => {
    const { session, ui } = await open('main');
    await ui.waitFor('Smoke checks');
    await ui.press('t');
    const frame = await ui.waitFor('T0 is blocked');
    expect(frame).toContain('Release lead, Ops on-call');
    expect(session.state.t0).toBeUndefined();
  });

  it('u on a role someone holds asks before replacing them with TBD; Enter keeps them', async () => {
    const { session, ui } = await open('roles');
    await session.assignRole('lead', { name: 'Alice' });
    await ui.waitFor('Alice');
    await ui.press('u');
    await ui.waitFor('Replace Alice as Release lead with TBD?');
    await ui.press(enter);
    await ui.waitFor((frame) => !frame.includes('Replace Alice'));
    expect(session.state.roles.lead).toMatchObject({ name: 'Alice', tbd: false });
    await ui.press('u');
    await ui.waitFor('Replace Alice as Release lead with TBD?');
    await ui.press('y');
    await ui.waitFor('Release lead: TBD (acknowledged)');
    expect(session.state.roles.lead).toMatchObject({ tbd: true });
  });

  it('fills a role (name, contact), acknowledges another as TBD, then marks T0', async () => {
    const { session, ui } = await open('main');
    await ui.waitFor('Smoke checks');
    await ui.press('o');
    let frame = await ui.waitFor('Roles');
    expect(frame).toMatch(/Release lead\s+yes\s+MISSING/);
    await ui.press(enter);
    await ui.waitFor('who holds the role now');
    ui.stdin.write('Alice');
    await ui.press(tab);
    ui.stdin.write('+1 555 0100');
    await ui.press(enter);
    frame = await ui.waitFor('Release lead: Alice');
    expect(session.state.roles.lead).toMatchObject({ name: 'Alice', contact: '+1 555 0100', tbd: false });
    // the selection moved to Ops on-call
    await ui.press('u');
    frame = await ui.waitFor('every required role is filled or acknowledged TBD (1 TBD)');
    expect(frame).toContain('TBD ack');
    expect(session.state.roles.ops).toMatchObject({ tbd: true });
    await ui.press('t');
    await ui.waitFor('Mark T0 now');
    ui.stdin.write('deploy 1234');
    await ui.press(enter);
    frame = await ui.waitFor(/T\+00:0\d/);
    expect(session.state.t0).toBeDefined();
    await ui.press(escape);
    await ui.waitFor('Smoke checks');
    // a second t asks before moving T0
    await ui.press('t');
    await ui.waitFor('T0 is already marked');
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('already marked'));
  });

  it('a role without a name cannot be saved', async () => {
    const { session, ui } = await open('roles');
    await ui.waitFor('Roles');
    await ui.press(arrowDown);
    await ui.press(arrowDown);
    await ui.press(enter);
    await ui.waitFor('Observer');
    await ui.press(enter);
    await ui.waitFor('needs a name');
    expect(session.state.roles.observer).toBeUndefined();
  });

  it('keys that arrive in one read (a laggy SSH link) act one after another: "ju" moves, then acknowledges the next role', async () => {
    const { session, ui } = await open('roles');
    await ui.waitFor(/Release lead\s+yes\s+MISSING/);
    ui.stdin.write('ju');
    await ui.waitFor('Ops on-call: TBD (acknowledged)');
    expect(session.state.roles.ops).toMatchObject({ tbd: true });
    expect(session.state.roles.lead).toBeUndefined();
  });

  it('t on the roles screen says how to unblock T0 right there', async () => {
    const { ui } = await open('roles');
    await ui.waitFor(/Release lead\s+yes\s+MISSING/);
    await ui.press('t');
    const frame = await ui.waitFor('T0 is blocked');
    expect(frame).toContain('Enter fills the selected role, u acknowledges it TBD');
    expect(frame).not.toContain('press o (roles)');
  });
});
