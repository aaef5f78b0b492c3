// Resuming a session whose previous process ended without a word (no command running): the operator
// is told nothing after the last recorded moment is in the evidence; after a quit, nothing is said.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CutoverSession } from '../../src/services/session.js';
import { clockTime } from '../../src/ui/format.js';
import { renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

// Not UTC, so that a time printed in UTC cannot pass for the local clock.
process.env.TZ = 'Asia/Kolkata';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

const nightWalk = join(import.meta.dirname, 'fixtures', 'night-walk.yaml');
const sessions = sessionsClosedAfterEach();

async function resumedAfter(end: 'vanished' | 'quit') {
  const first = await startSession(tempEvidenceDir(), { checklistPath: nightWalk });
  await first.addNote('working on it');
  if (end === 'quit') await first.leave('the operator quit');
  await first.close();
  const again = await CutoverSession.resume(first.evidencePath);
  sessions.push(again);
  return { again, last: first.store.events.at(-1)?.ts ?? '' };
}

describe('resuming after the previous process', () => {
  it('vanished: the footer says cutover did not stop normally, and since when nothing was recorded', async () => {
    const { again, last } = await resumedAfter('vanished');
    const ui = renderTui({ session: again, columns: 100, rows: 24 });
    const frame = await ui.waitFor('did not stop normally');
    // the footer wraps: read it as one line; the time is the local clock, as every time in the TUI
    expect(frame.replace(/\s+/g, ' ')).toMatch(new RegExp(`nothing was recorded after ${clockTime(last)}(?! UTC)`));
  });

  it('quit: nothing is said', async () => {
    const { again } = await resumedAfter('quit');
    const ui = renderTui({ session: again, columns: 100, rows: 24 });
    await ui.waitFor('Smoke');
    await pause(300);
    expect(ui.lastFrame()).not.toContain('did not stop normally');
  });
});

describe('an item whose re-run a crash cut short', () => {
  it('shows, under INTERRUPTED, the result it had before (a failed check still counts as failed)', async () => {
    const first = await startSession(tempEvidenceDir(), { checklistPath: nightWalk });
    await first.markItem('smoke', 'first', 'fail', 'checked by hand: broken');
    await first.append({ type: 'command.started', runId: 'r0001', section: 'smoke', item: 'first', pass: 1, command: 'echo first ok', cwd: first.evidenceDir, log: first.store.runLogRelative('r0001') });
    await first.close();
    const again = await CutoverSession.resume(first.evidencePath);
    sessions.push(again);
    const ui = renderTui({ session: again, columns: 100, rows: 30 });
    await ui.waitFor('cutover stopped while a command was running');
    await ui.press('y');
    const frame = await ui.waitFor('result before it:');
    expect(frame).toMatch(/result before it: ✗ FAIL at \d\d:\d\d:\d\d/);
  });
});
