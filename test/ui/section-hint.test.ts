// "end of <section>: ← then ↓ picks the next section" goes once the cursor is on another section:
// it stayed (8 s) under the section the operator had just picked, telling them to pick it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrowDown, arrowLeft, arrowUp, passLastSmokeCheck, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const nightWalk = join(import.meta.dirname, 'fixtures', 'night-walk.yaml');
const sessions = sessionsClosedAfterEach();

describe('the end-of-section hint', () => {
  it('goes when the next section is picked, and stays while the cursor is still on its section', async () => {
    const session = await startSession(tempEvidenceDir(), { checklistPath: nightWalk });
    sessions.push(session);
    const ui = renderTui({ session, columns: 80, rows: 24 });
    await passLastSmokeCheck(ui);
    await ui.press(arrowLeft);
    expect(ui.lastFrame()).toContain('end of "Smoke checks"');
    await ui.press(arrowDown);
    const frame = await ui.waitFor((f) => !f.includes('end of "Smoke checks"'), 1_000);
    expect(frame).not.toContain('← then ↓ picks the next section');
    // back on the section it was said about, within its time: it is still true there
    await ui.press(arrowUp);
    await ui.waitFor('end of "Smoke checks"', 1_000);
  });
});
