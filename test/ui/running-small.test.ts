// The running screen on a very small terminal: rows go to the verdict first, then the command, the
// title and the output. It used to ask for more rows than there were, and the layout drew the
// title over the command and cut the verdict ("✓ PASS" lost its mark at 30x7, vanished at 30x5).
import { describe, expect, it } from 'vitest';
import { runningRows } from '../../src/ui/screens/running/running-layout.js';
import { arrowRight, enter, renderTui, resize, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

const settle = () => new Promise((done) => setTimeout(done, 150));

describe('running screen rows', () => {
  it('are given out verdict, command, title, output; the offer line only with output room left', () => {
    expect(runningRows(20, { command: 3, verdict: 3, soak: false })).toEqual({ command: 3, title: true, offer: true, tail: 12 });
    expect(runningRows(4, { command: 1, verdict: 1, soak: false })).toEqual({ command: 1, title: true, offer: false, tail: 1 });
    expect(runningRows(3, { command: 1, verdict: 1, soak: true })).toEqual({ command: 1, title: false, offer: false, tail: 0 });
    expect(runningRows(1, { command: 1, verdict: 1, soak: false })).toEqual({ command: 0, title: false, offer: false, tail: 0 });
  });

  it('a finished check at 30x8 down to 30x5: the verdict is always whole, nothing drawn over anything', async () => {
    const session = await startSession(tempEvidenceDir());
    sessions.push(session);
    const ui = renderTui({ session, columns: 60, rows: 20 });
    await ui.waitFor('Smoke checks');
    await ui.press(arrowRight);
    await ui.press(enter);
    await ui.waitFor('✓ PASS');
    resize(ui.stdout, 30, 8);
    await settle();
    let lines = (ui.lastFrame() ?? '').split('\n');
    expect(lines).toContain('Says ok (smoke/ok)');
    expect(lines).toContain("$ echo ok 'eu-west-1'");
    expect(lines).toContain('ok eu-west-1');
    for (const rows of [7, 6, 5]) {
      resize(ui.stdout, 30, rows);
      await settle();
      lines = (ui.lastFrame() ?? '').split('\n');
      expect(lines.some((l) => l.startsWith('✓ PASS · exit 0 · ')), `30x${rows}:\n${lines.join('\n')}`).toBe(true);
    }
  });
});
