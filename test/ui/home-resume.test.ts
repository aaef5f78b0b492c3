// Home: checklists and unfinished sessions (most recent first), start one or resume one; resume
// returns to the section and item where the operator was.
import { describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { CutoverSession } from '../../src/services/session.js';
import { arrowDown, enter, escape, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

describe('home', () => {
  it('lists checklists and unfinished sessions, most recent first; finished ones are not offered', async () => {
    const dir = tempEvidenceDir();
    const older = await startSession(dir, { ticket: 'CHG-OLD' });
    await older.close();
    await new Promise((done) => setTimeout(done, 20));
    const newer = await startSession(dir, { ticket: 'CHG-NEW' });
    await newer.close();
    const done = await startSession(dir, { ticket: 'CHG-DONE' });
    await done.finish('done');
    await done.close();
    const ui = renderTui({ evidenceDir: dir, screen: { name: 'home' } });
    const frame = await ui.waitFor((f) => f.includes('Resume an unfinished session (2)') && !f.includes('loading'));
    expect(frame).toContain('Demo service');
    expect(frame.indexOf('CHG-NEW')).toBeLessThan(frame.indexOf('CHG-OLD'));
    expect(frame).not.toContain('CHG-DONE');
  });

  it('Enter on a checklist opens the new-session form; Esc goes back home', async () => {
    const ui = renderTui({ evidenceDir: tempEvidenceDir(), screen: { name: 'home' } });
    await ui.waitFor((f) => /Start a session on a checklist \(\d+\)/.test(f));
    await ui.press(enter);
    await ui.waitFor('New session:');
    await ui.press(escape);
    await ui.waitFor('Start a session on a checklist');
  });

  it('resumes a session at the section and item where it was left', async () => {
    const dir = tempEvidenceDir();
    const first = await startSession(dir, { ticket: 'CHG-RES' });
    await first.markItem('rollback', 'rb-run', 'pass', 'done by hand');
    await first.close();
    const ui = renderTui({ evidenceDir: dir, screen: { name: 'home' } });
    let frame = await ui.waitFor('CHG-RES');
    // which list has the keys reads without color too
    expect(frame).toContain('▸ Start a session on a checklist');
    await ui.press(tab);
    frame = await ui.waitFor('▸ Resume an unfinished session');
    expect(frame).toContain('  Start a session on a checklist');
    await ui.press(enter);
    frame = await ui.waitFor('Switch back  (rb-run)');
    expect(frame).toContain('note: done by hand');
    const session = ui.session();
    if (session) sessions.push(session);
    expect(session?.state.header.ticket).toBe('CHG-RES');
  });

  it('the main view opens on the saved cursor, and moving saves it (debounced)', async () => {
    const dir = tempEvidenceDir();
    const first = await startSession(dir);
    const ui = renderTui({ session: first });
    await ui.waitFor('Smoke checks');
    await ui.press(arrowDown);
    await ui.press(arrowDown);
    await ui.waitFor('›· Roll forward');
    await new Promise((done) => setTimeout(done, 1_200));
    expect(first.state.cursor).toEqual({ section: 'rollforward', item: 'rf-run' });
    cleanup();
    await first.close();
    const again = await CutoverSession.resume(first.evidencePath);
    sessions.push(again);
    const ui2 = renderTui({ session: again });
    const frame = await ui2.waitFor('Switch again  (rf-run)');
    expect(frame).toContain('›· Roll forward');
  });
});

describe('resume after a crash', () => {
  it('shows the run that was in flight as interrupted, with earlier results intact', async () => {
    const dir = tempEvidenceDir();
    const first = await startSession(dir);
    await first.runItem('smoke', 'ok');
    // the writer dies between command.started and command.finished
    await first.append({ type: 'command.started', runId: 'r9999', section: 'smoke', item: 'broken', pass: 1, command: "sh -c 'exit 3'", cwd: dir, log: first.store.runLogRelative('r9999') });
    await first.close();
    const again = await CutoverSession.resume(first.evidencePath);
    sessions.push(again);
    const ui = renderTui({ session: again });
    // the cursor comes back to the item that was running
    const frame = await ui.waitFor('Exits 3  (broken)');
    expect(frame).toMatch(/✓ Says ok/);
    expect(frame).toMatch(/! Exits 3/);
    expect(frame).toContain('interrupted');
    // the section says so too, before the operator opens it
    expect(frame).toMatch(/›! Smoke checks +1\/4/);
  });
});
