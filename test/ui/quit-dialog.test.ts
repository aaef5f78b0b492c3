// The quit question tells the operator how to come back to this very session, wherever its
// evidence lives (`cutover resume` alone only finds sessions in the default evidence directory).
import { describe, expect, it } from 'vitest';
import { renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

describe('quit dialog', () => {
  it('names the evidence file to resume', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    const ui = renderTui({ session, columns: 160, rows: 30 });
    await ui.waitFor('Sections');
    await ui.press('q');
    const frame = await ui.waitFor('Quit cutover?');
    expect(frame).toContain(`Resume later with: cutover resume ${session.evidencePath}`);
  });
});
