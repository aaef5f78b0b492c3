// Found walking step22-production-cutover: pressing u five times on the roles screen (expecting it
// to go on to the next role) recorded QA owner as TBD five times, and left four roles missing.
import { describe, expect, it } from 'vitest';
import { renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

describe('u on a role already acknowledged TBD', () => {
  it('records nothing again and says how to go on to the next role', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    const ui = renderTui({ session, screen: { name: 'roles' } });
    await ui.waitFor('Release lead');
    await ui.press('u');
    await ui.waitFor('Release lead: TBD (acknowledged)');
    await ui.press('u');
    await ui.waitFor('Release lead is already acknowledged TBD: ↓/j goes to the next role');
    const assigned = session.store.events.filter((e) => e.type === 'role.assigned');
    expect(assigned).toHaveLength(1);
  });
});
