// A bad night's incident list is longer than the screen: the selection stays in view.
import { describe, expect, it } from 'vitest';
import { arrowDown, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();
const pageDown = '\u001B[6~';

describe('incidents list longer than the screen', () => {
  it('scrolls with the selection (↓ and PgDn), so R resolves the incident on screen', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    for (let n = 1; n <= 30; n++) await session.declareIncident({ severity: 'SEV2', title: `glitch ${n}` });
    const ui = renderTui({ session, screen: { name: 'incidents' }, columns: 80, rows: 24 });
    let frame = await ui.waitFor(/Incidents \(1-\d+ of 30/);
    expect(frame).toMatch(/›\s*INC-1\s/);
    for (let n = 1; n < 25; n++) await ui.press(arrowDown);
    frame = await ui.waitFor(/›\s*INC-25\s/);
    expect(frame).not.toMatch(/INC-1\s/);
    await ui.press(pageDown);
    frame = await ui.waitFor(/›\s*INC-30\s/);
    expect(frame).toMatch(/Incidents \(\d+-30 of 30/);
    await ui.press('g');
    frame = await ui.waitFor(/›\s*INC-1\s/);
    expect(frame).toMatch(/Incidents \(1-\d+ of 30/);
    await ui.press('G');
    await ui.waitFor(/›\s*INC-30\s/);
    await ui.press('R');
    expect(await ui.waitFor('Resolve INC-30')).toContain('glitch 30');
  });
});
