// The incident form's rule preview says, as the header does, whether a decision already answers
// the recommendation, and whether the incident being declared would ask for a new one.
import { describe, expect, it } from 'vitest';
import { arrowRight, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

describe('triage preview after a decision', () => {
  it('shows the decision now, keeps it for an incident the rule does not count, drops it for one it does', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    await session.declareIncident({ severity: 'SEV0', title: 'data loss' });
    await session.decide('rollback', 'data loss on write');
    const ui = renderTui({ session, columns: 120, rows: 30 });
    await ui.waitFor('Smoke checks');
    await ui.press('i');
    let frame = await ui.waitFor('Declare an incident');
    expect(frame).toMatch(/now: ROLLBACK RECOMMENDED · rollback decided \S+ by \S+ — SEV0 open: any SEV0 => rollback/);
    expect(frame).toContain('once declared: ROLLBACK RECOMMENDED — 2 SEV0 open: any SEV0 => rollback');
    await ui.press(arrowRight);
    await ui.press(arrowRight);
    frame = await ui.waitFor('[SEV2]');
    expect(frame).toMatch(/once declared: ROLLBACK RECOMMENDED · rollback decided \S+ by \S+ — SEV0 open: any SEV0 => rollback/);
  });
});
