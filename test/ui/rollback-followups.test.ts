// Found walking the demo drill: the offer to run the smoke checks again came only once every
// rollback item was marked, including "Run the smoke section again", which the operator had to
// mark done by hand before being offered to do it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrowDown, arrowRight, enter, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const followups = join(import.meta.dirname, 'fixtures', 'rollback-followups.yaml');
const sessions = sessionsClosedAfterEach();

describe('a rollback followed by manual steps', () => {
  it('offers the smoke checks again once its last command has run, before its follow-ups are marked', async () => {
    const session = await startSession(tempEvidenceDir(), { checklistPath: followups });
    sessions.push(session);
    await session.runItem('smoke', 'broken');
    await session.markItem('rollback', 'announce', 'pass');
    const ui = renderTui({ session, columns: 100, rows: 30 });
    await ui.waitFor('Smoke checks');
    await ui.press(arrowDown); // the Rollback section
    await ui.press(arrowRight); // its items, on the first one pending
    await ui.waitFor(/›. Switch back/);
    await ui.press('r');
    await ui.waitFor('✓ PASS');
    await ui.press(enter);
    const frame = await ui.waitFor('Rollback complete: run the smoke checks again as pass 2?');
    expect(frame).toContain('Run the smoke section again as a new pass');
    expect(session.state.items['rollback/smoke-again']).toBeUndefined();
  });
});
