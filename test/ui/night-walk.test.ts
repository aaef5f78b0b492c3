// Found by walking a live cutover of the demo at 80x24 in tmux, as a release manager at 2 a.m.:
// keys that repeated or ran the wrong thing, typed text lost without a word, and state that read
// wrong after a sign-off, a new pass or a crash.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { CutoverSession } from '../../src/services/session.js';
import { soakLine } from '../../src/ui/run/soak-marks.js';
import { visibleWindow } from '../../src/ui/widgets/text-input/text-input.js';
import { shownDetail } from '../../src/ui/screens/main/item-detail.js';
import { arrowDown, ctrlC, enter, escape, passLastSmokeCheck, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const nightWalk = join(import.meta.dirname, 'fixtures', 'night-walk.yaml');
const soakStop = join(import.meta.dirname, 'fixtures', 'soak-stop.yaml');
const sessions = sessionsClosedAfterEach();

async function open(screen?: Parameters<typeof renderTui>[0]['screen'], checklistPath = nightWalk) {
  const session = await startSession(tempEvidenceDir(), { checklistPath });
  sessions.push(session);
  const ui = renderTui({ session, columns: 80, rows: 24, screen });
  return { session, ui };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const runsOf = (session: CutoverSession, item: string) => Object.values(session.state.runs).filter((r) => r.item === item).length;

describe('Enter after the last check of a section', () => {
  it('does not run that check again: it says what is next, and a second Enter runs it', async () => {
    const { session, ui } = await open();
    await passLastSmokeCheck(ui);
    await ui.waitFor('end of "Smoke checks": ← then ↓ picks the next section');
    await pause(450); // past the guard against a double press: this is a deliberate Enter
    await ui.press(enter);
    await ui.waitFor('"Last check" just passed, the last of its section: Enter again runs it again');
    expect(runsOf(session, 'last')).toBe(1);
    expect(ui.lastFrame()).not.toContain('(smoke/last)');
    // asked for again, it runs; the hint about Enter stays behind (Enter means back on this screen)
    await ui.press(enter);
    const running = await ui.waitFor('(smoke/last)');
    expect(running).not.toContain('Enter again runs it again');
  });
});

describe('Enter after a resume', () => {
  it('on the item the session was left on, which already ran: one Enter says so, the next runs it', async () => {
    const first = await startSession(tempEvidenceDir(), { checklistPath: nightWalk });
    await first.runItem('smoke', 'first');
    await first.moveCursor('smoke', 'first');
    await first.close();
    const session = await CutoverSession.resume(first.evidencePath);
    sessions.push(session);
    const ui = renderTui({ session, columns: 80, rows: 24 });
    await ui.waitFor('First check  (first)');
    await pause(450); // past the guard against a double press
    await ui.press(enter);
    await ui.waitFor('"First check" already ran before the resume (pass): Enter again runs it again');
    expect(runsOf(session, 'first')).toBe(1);
    await ui.press(enter);
    await ui.waitFor('(smoke/first)');
  });
});

describe('Enter after the last check of a section, on a terminal too narrow for the sections pane', () => {
  it('does not run it again either', async () => {
    const session = await startSession(tempEvidenceDir(), { checklistPath: nightWalk });
    sessions.push(session);
    const ui = renderTui({ session, columns: 50, rows: 20 });
    await ui.waitFor('◀ 1/3 ▶');
    await ui.press('G');
    await ui.waitFor('Last check  (last)');
    await ui.press(enter);
    await ui.waitFor('✓ PASS');
    await ui.press(enter);
    await ui.waitFor('→ goes to the next section');
    await pause(450);
    await ui.press(enter);
    await ui.waitFor('"Last check" just passed');
    expect(runsOf(session, 'last')).toBe(1);
  });
});

describe('a new pass of a section', () => {
  it('starts on its first item, not where the cursor was in the last pass', async () => {
    const { session, ui } = await open();
    for (const item of ['first', 'second', 'last']) await session.runItem('smoke', item);
    await ui.waitFor('Smoke checks');
    await ui.press(tab);
    await ui.press('G');
    await ui.waitFor('›✓ Last check');
    await ui.press('N');
    await ui.waitFor('again as pass 2');
    for (const ch of 'after rollback') ui.stdin.write(ch);
    await ui.press(enter);
    const frame = await ui.waitFor('pass 2 started');
    expect(frame).toMatch(/›· First check/);
    expect(frame).toContain('First check  (first)');
  });
});

describe('signing off from the sign-off table', () => {
  it("records the sign-off as the result of that role's sign-off item", async () => {
    const { session, ui } = await open({ name: 'signoff', roleId: 'lead', itemId: 'so-lead' });
    await ui.waitFor('Sign off as Release lead: Lead signs off');
    for (const ch of 'Alice') ui.stdin.write(ch);
    await ui.press(enter);
    await ui.waitFor('Release lead signed off: Alice');
    // the cursor moved on to Ops on-call: its sign-off is for its own item
    await ui.waitFor('Sign-off — Ops signs off');
    await ui.press(enter);
    await ui.waitFor('Sign off as Ops on-call: Ops signs off');
    for (const ch of 'Carol') ui.stdin.write(ch);
    await ui.press(enter);
    await ui.waitFor('Ops on-call signed off: Carol');
    expect(session.state.items['signoff/so-ops']?.status).toBe('pass');
    expect(session.state.signoffs.at(-1)).toMatchObject({ role: 'ops', name: 'Carol', item: 'so-ops' });
  });

  it('the detail of a sign-off item says Enter signs off, not that it is marked by hand', async () => {
    const { ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(arrowDown);
    await ui.press(arrowDown);
    const frame = await ui.waitFor('Lead signs off  (so-lead)');
    expect(frame).toContain('sign-off: Enter signs off as its owner');
    expect(frame).not.toContain('manual item: mark it');
  });
});

describe('typed text is not dropped without a word', () => {
  it('Esc in the role editor with a name typed asks for a second Esc; quitting says the form is not recorded, and Enter stays', async () => {
    const { session, ui } = await open({ name: 'roles' });
    await ui.waitFor('Release lead');
    await ui.press(enter);
    await ui.waitFor('› Name');
    for (const ch of 'Alice') ui.stdin.write(ch);
    await ui.waitFor('Alice');
    let frame = await ui.press(escape);
    expect(frame).toContain('Not recorded yet: Esc again drops what you typed');
    expect(frame).toContain('Alice');
    await ui.press(ctrlC);
    frame = await ui.waitFor('Quit cutover?');
    expect(frame).toContain('Not what you typed in the form');
    expect(frame).toContain('Enter stay');
    await ui.press(enter);
    frame = await ui.waitFor((f) => !f.includes('Quit cutover?'));
    expect(ui.onQuit).not.toHaveBeenCalled();
    expect(frame).toContain('Alice');
    await ui.press(escape);
    await ui.press(escape);
    frame = await ui.waitFor((f) => !f.includes('› Name'));
    expect(session.state.roles.lead).toBeUndefined();
  });

  it('Ctrl-C over a half-typed note says the note is not recorded; Enter goes back to it', async () => {
    const { ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press('n');
    await ui.waitFor('Note on "First check"');
    for (const ch of 'half a note') ui.stdin.write(ch);
    await ui.waitFor('half a note');
    await ui.press(ctrlC);
    const frame = await ui.waitFor('Quit cutover?');
    expect(frame).toContain('Not what you typed in "Note on "First check""');
    await ui.press(enter);
    await ui.waitFor('half a note');
    expect(ui.onQuit).not.toHaveBeenCalled();
  });

  it('a note added with n shows on its item', async () => {
    const { session, ui } = await open();
    await session.addNote('dashboard green, checked by Bob', 'smoke', 'first');
    await ui.waitFor('Smoke checks');
    const frame = await ui.press(tab);
    expect(frame).toMatch(/note \d\d:\d\d:\d\d tester: dashboard green, checked by/);
  });
});

describe('resuming after cutover died mid-command', () => {
  it('says the command may still be running, names it, and the item says so whole', async () => {
    const dir = tempEvidenceDir();
    const first = await startSession(dir, { checklistPath: nightWalk });
    await first.append({ type: 'command.started', runId: 'r0001', section: 'smoke', item: 'second', pass: 1, command: 'echo second ok', cwd: dir, log: first.store.runLogRelative('r0001') });
    await first.close();
    const again = await CutoverSession.resume(first.evidencePath);
    sessions.push(again);
    const ui = renderTui({ session: again, columns: 80, rows: 24 });
    let frame = await ui.waitFor('cutover stopped while a command was running');
    expect(frame).toContain('• smoke/second: echo second ok');
    expect(frame).toContain('it may still be running on this host');
    await ui.press('y');
    frame = await ui.waitFor('Second check  (second)');
    expect(frame).toContain('recording this run ended before the run finished');
    expect(frame).toContain('its processes may still run: check first');
    cleanup();
    await again.close();

    // quit and resumed once more: that crash was told about already
    const third = await CutoverSession.resume(first.evidencePath);
    sessions.push(third);
    const later = renderTui({ session: third, columns: 80, rows: 24 });
    await later.waitFor('Smoke checks');
    await pause(300);
    expect(later.lastFrame()).not.toContain('cutover stopped while');
  });

  it('names a soak the crash stopped between two of its runs', async () => {
    const dir = tempEvidenceDir();
    const first = await startSession(dir, { checklistPath: nightWalk });
    const log = first.store.runLogRelative('r0001');
    await first.append({ type: 'command.started', runId: 'r0001', section: 'soak', item: 'soak-loop', pass: 1, command: 'sleep 1; echo tick', cwd: dir, purpose: 'watch', log });
    await first.append({
      type: 'command.finished', runId: 'r0001', exitCode: 0, signal: null, durationMs: 5, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0,
      logBytes: 0, logSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result: 'pass', reasons: [],
    });
    await first.close();
    const again = await CutoverSession.resume(first.evidencePath);
    sessions.push(again);
    const ui = renderTui({ session: again, columns: 100, rows: 24 });
    const frame = await ui.waitFor('cutover stopped while a command was running');
    expect(frame).toContain('• soak/soak-loop: sleep 1; echo tick (a soak, stopped between two runs)');
  });
});

describe('export', () => {
  it('an Enter pressed twice writes one package; a second copy takes another Enter', async () => {
    const { session, ui } = await open({ name: 'export' });
    await ui.waitFor('Export the incident package');
    await ui.press(enter);
    await ui.waitFor('✓ written:');
    await ui.press(enter);
    await ui.waitFor('already written:');
    expect(session.state.exports).toHaveLength(1);
    await ui.press(enter);
    await ui.waitFor(() => session.state.exports.length === 2);
  });
});

describe('a running command', () => {
  it('q says how to stop it rather than doing nothing; once cancelled it is not called failed', async () => {
    const { ui } = await open(undefined, join(import.meta.dirname, '..', 'fixtures', 'ui', 'small.yaml'));
    await ui.waitFor('Smoke checks');
    await ui.press(tab);
    await ui.press(arrowDown);
    await ui.press(arrowDown);
    await ui.waitFor('Sleeps  (slow)');
    await ui.press(enter);
    await ui.waitFor('running ·');
    await ui.press('q');
    await ui.waitFor('a command is running: c cancels it (recorded); Esc and q work once it has ended');
    await ui.press('c');
    await ui.waitFor('✗ CANCELLED');
    // a run the operator cancelled failed nothing: an incident declared on it is not titled "failed"
    await ui.press(escape);
    await ui.waitFor('Enter/r run');
    await ui.press('i');
    const frame = await ui.waitFor('Declare an incident');
    expect(frame).toMatch(/Title +Sleeps\s/);
    expect(frame).not.toContain('Sleeps failed');
  });
});

describe('Ctrl-C hammered to stop a command', () => {
  it('once the command has ended, says so instead of asking to quit (where Enter would quit); again, it asks', async () => {
    const { ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(tab);
    await ui.press(enter);
    await ui.waitFor('✓ PASS');
    await ui.press(ctrlC);
    let frame = await ui.waitFor('the command has already ended: nothing to cancel');
    expect(frame).not.toContain('Quit cutover?');
    frame = await ui.press(ctrlC);
    await ui.waitFor('Quit cutover?');
    expect(ui.onQuit).not.toHaveBeenCalled();
  });
});

describe('a soak the operator cancels', () => {
  it('marks the cut-short run cancelled, not failed, in its output and its verdict', async () => {
    const { ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(arrowDown);
    await ui.press(tab);
    await ui.waitFor('Loop  (soak-loop)');
    await ui.press(enter);
    await ui.waitFor('── run 1 pass ──', 10_000);
    await ui.press('c');
    // 'c' lands during a run (that run is cancelled) or between two (the soak stops there)
    const frame = await ui.waitFor(/✗ (CANCELLED|SOAK STOPPED)/, 10_000);
    expect(frame).not.toMatch(/── run \d fail ──/);
    expect(frame).toMatch(/soak stopped before its time was up: \d of \d runs passed; not a\s+full soak/);
    if (frame.includes('CANCELLED')) {
      expect(frame).toMatch(/── run \d cancelled ──/);
      expect(frame).toMatch(/soak: ✓+- \d runs, 1 cancelled/);
    }
  });

  it('a soak stopped between two runs is no pass: the item fails, its note says so', async () => {
    const { ui, session } = await open(undefined, soakStop);
    await ui.waitFor('Loop  (soak-loop)');
    await ui.press(tab);
    await ui.press('r');
    await ui.waitFor('── run 1 pass ──', 10_000);
    await ui.press('c'); // the next run is 5 s away: this lands between two runs
    const frame = await ui.waitFor('✗ SOAK STOPPED', 10_000);
    expect(frame).not.toContain('✓ PASS');
    expect(frame).toContain('soak: ✓ 1 run · stopped early');
    expect(frame).toMatch(/soak stopped before its time was up: 1 of 1 runs passed; not a\s+full soak/);
    const item = session.state.items['soak/soak-loop'];
    expect(item?.status).toBe('fail');
    expect(item?.note).toMatch(/^soak stopped after \S+ of 30s \(cancelled by the operator\): 1 of 1 runs passed; not a full soak$/);
  });
});

describe('what is cut says so', () => {
  it('a text field scrolled along a long command shows … where it is cut', () => {
    const command = "node '/work/main/checklists'/demo/demo.mjs logs --lines 30 --session 'demo-1'";
    const atEnd = visibleWindow(command, command.length, 30);
    expect(atEnd.text.startsWith('…')).toBe(true);
    expect(atEnd.text.endsWith("'demo-1'")).toBe(true);
    expect(atEnd.text.length + 1).toBeLessThanOrEqual(30);
    expect(atEnd.cursor).toBe(atEnd.text.length);
    const atStart = visibleWindow(command, 0, 30);
    expect(atStart.text.startsWith('node ')).toBe(true);
    expect(atStart.text.endsWith('…')).toBe(true);
    expect(atStart.cursor).toBe(0);
  });

  it('a soak run the operator cancelled is not counted as a failure', () => {
    expect(soakLine(['pass', 'pass', 'cancelled'], 80)).toBe('soak: ✓✓- 3 runs, 1 cancelled');
  });
});

describe('an item\'s detail taller than its pane', () => {
  it('says how many lines are below instead of cutting them silently', () => {
    const lines = Array.from({ length: 12 }, (_, i) => ({ text: `line ${i + 1}` }));
    const shown = shownDetail(lines, 5);
    expect(shown.map((l) => l.text)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', '↓ 8 more lines (a taller terminal shows them; the report has all)']);
    expect(shownDetail(lines.slice(0, 5), 5)).toHaveLength(5);
  });
});

