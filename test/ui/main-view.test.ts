// The main view on a real session: header, navigation, running items, marks, notes, edits, and
// what the evidence holds afterwards.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { CutoverSession } from '../../src/services/session.js';
import { arrowDown, arrowLeft, arrowRight, enter, escape, renderTui, startSession, tempEvidenceDir } from './helpers.js';

const sessions: CutoverSession[] = [];
async function open(overrides = {}) {
  const session = await startSession(tempEvidenceDir(), overrides);
  sessions.push(session);
  return { session, ui: renderTui({ session }) };
}

afterEach(async () => {
  cleanup();
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

describe('main view', () => {
  it('shows the header: checklist, ticket, environment, clock, counts, recommendation and evidence path', async () => {
    const { session, ui } = await open();
    const frame = await ui.waitFor('Smoke checks');
    expect(frame).toContain('UI test cutover · CHG-42 · staging');
    expect(frame).toContain('T0 not marked');
    expect(frame).toContain('✓ 0 pass');
    expect(frame).toContain('No rule firing');
    expect(frame).toContain(`saved: `);
    expect(frame).toContain(session.sessionId);
    expect(frame).not.toContain('DRILL');
    expect(frame).toContain('Enter/r run');
  });

  it('runs the selected item and records the run; the header counts it', async () => {
    const { session, ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(arrowRight);
    await ui.press(enter);
    const frame = await ui.waitFor('✓ PASS');
    expect(frame).toContain('ok eu-west-1');
    expect(frame).toContain("$ echo ok 'eu-west-1'");
    expect(session.state.items['smoke/ok']?.status).toBe('pass');
    await ui.press(enter);
    const back = await ui.waitFor('✓ 1 pass');
    // a passing run moves the selection on
    expect(back).toContain('Exits 3  (broken)');
    const evidence = await readFile(session.evidencePath, 'utf8');
    expect(evidence).toContain('"command.finished"');
  });

  it('a failing check with onFail offers to declare that severity', async () => {
    const { session, ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(arrowRight);
    await ui.press(arrowDown);
    await ui.press('r');
    let frame = await ui.waitFor('✗ FAIL');
    expect(frame).toContain('exit 3');
    expect(frame).toContain('press i to declare');
    expect(session.state.items['smoke/broken']?.status).toBe('fail');
    await ui.press(enter);
    frame = await ui.waitFor('HOLD');
    expect(frame).toContain('✗ 1 fail');
    // marking it failed by hand offers the severity as well
    await ui.press('f');
    await ui.waitFor('Mark "Exits 3" fail');
    ui.stdin.write('still broken');
    await ui.press(enter);
    frame = await ui.waitFor('declare SEV0');
    expect(session.state.items['smoke/broken']?.note).toBe('still broken');
    await ui.press('y');
    frame = await ui.waitFor('Declare an incident');
    expect(frame).toContain('[SEV0]');
    expect(frame).toContain('Exits 3 failed');
    expect(frame).toContain('once declared: ROLLBACK RECOMMENDED');
  });

  it('p, s and n record marks and notes with the typed text; evidence items need a note', async () => {
    const { session, ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(arrowRight);
    await ui.press('s');
    await ui.waitFor('Note (optional)');
    await ui.press(enter);
    await ui.waitFor('ok marked skipped');
    expect(session.state.items['smoke/ok']?.status).toBe('skip');
    // the selection moved to "broken"; go to "look" (manual, evidence required)
    await ui.press(arrowDown);
    await ui.press(arrowDown);
    await ui.press('p');
    await ui.waitFor('needs evidence');
    await ui.press(enter);
    await ui.waitFor('evidence required: write a note');
    expect(session.state.items['smoke/look']).toBeUndefined();
    ui.stdin.write('graphs flat, screenshot in CHG-42');
    await ui.press(enter);
    await ui.waitFor('look marked pass');
    expect(session.state.items['smoke/look']).toMatchObject({ status: 'pass', note: 'graphs flat, screenshot in CHG-42' });
    await ui.press('n');
    ui.stdin.write('pinged the owner');
    await ui.press(enter);
    await ui.waitFor('note recorded');
    expect(session.state.notes.at(-1)).toMatchObject({ text: 'pinged the owner', section: 'smoke' });
  });

  it('typed keys go to the text field, not to the main view', async () => {
    const { session, ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press('n');
    await ui.waitFor('Note on');
    // each of these is a main-view key
    ui.stdin.write('pfsqxtdio?');
    await ui.press(enter);
    await ui.waitFor('note recorded');
    expect(session.state.notes.at(-1)?.text).toBe('pfsqxtdio?');
    expect(Object.keys(session.state.items)).toHaveLength(0);
    expect(ui.onQuit).not.toHaveBeenCalled();
  });

  it('e edits the command before running it, and the edited command is recorded', async () => {
    const { session, ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(arrowRight);
    await ui.press('e');
    await ui.waitFor('Edit the command');
    await ui.press('\u0015'); // Ctrl-U clears to the start
    ui.stdin.write('echo edited-ok');
    await ui.press(enter);
    await ui.waitFor('✓ PASS');
    const run = Object.values(session.state.runs).at(-1);
    expect(run).toMatchObject({ command: 'echo edited-ok', edited: true });
  });

  it('Esc cancels a prompt without recording anything', async () => {
    const { session, ui } = await open();
    await ui.waitFor('Smoke checks');
    const before = session.state.lastSeq;
    await ui.press('p');
    await ui.waitFor('Mark');
    await ui.press(escape);
    await ui.waitFor((f) => !f.includes('Mark "'));
    expect(session.state.lastSeq).toBe(before);
  });

  it('a destructive item runs only when its id is typed', async () => {
    const { session, ui } = await open();
    await ui.waitFor('Smoke checks');
    for (let i = 0; i < 3; i++) await ui.press(arrowDown);
    await ui.waitFor('›· Dangerous');
    await ui.press(arrowRight);
    await ui.press(enter);
    await ui.waitFor('DESTRUCTIVE: Wipe the cache');
    ui.stdin.write('yes');
    await ui.press(enter);
    await ui.waitFor('not run:');
    expect(Object.values(session.state.runs)).toHaveLength(0);
    expect(session.state.destructive.at(-1)).toMatchObject({ outcome: 'refused' });
    await ui.press(enter);
    // r, not Enter: an Enter right after coming back is taken as a double press
    await ui.press('r');
    await ui.waitFor('DESTRUCTIVE: Wipe the cache');
    ui.stdin.write('wipe');
    await ui.press(enter);
    await ui.waitFor('✓ PASS');
    expect(session.state.destructive.at(-1)).toMatchObject({ outcome: 'confirmed' });
  });

  it('←/→ switch panes; moving in the sections pane changes the items shown', async () => {
    const { ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(arrowDown);
    let frame = await ui.waitFor('Announce the rollback');
    expect(frame).toContain('Switch back');
    await ui.press(arrowRight);
    await ui.press(arrowDown);
    frame = await ui.waitFor('Switch back  (rb-run)');
    await ui.press(arrowLeft);
    await ui.press(arrowDown);
    frame = await ui.waitFor('Switch again');
    expect(frame).toContain('roll-forward unlocked');
  });

  it('Enter on a manual item explains how to mark it', async () => {
    const { ui } = await open();
    await ui.waitFor('Smoke checks');
    await ui.press(arrowRight);
    for (let i = 0; i < 3; i++) await ui.press(arrowDown);
    await ui.press(enter);
    await ui.waitFor('manual item: mark it p (pass)');
  });

  it('never shows a secret variable on screen: the suggested command reads [REDACTED:name], as the evidence does', async () => {
    const dir = tempEvidenceDir();
    const checklistPath = join(dir, 'secret.yaml');
    writeFileSync(
      checklistPath,
      'id: sec\ntitle: Secret\nversion: "1"\nvariables:\n  - name: token\n    secret: true\nsections:\n  - id: smoke\n    title: Smoke checks\n    kind: smoke\n    items:\n      - id: call\n        title: Call the API\n        run: \'curl -H "X-Token: {{token}}" http://127.0.0.1:9/\'\n        expect: { exitCode: 0 }\n',
    );
    const { ui } = await open({ checklistPath, evidenceDir: join(dir, 'ev'), variables: { token: 'hunter2-very-secret' } });
    await ui.waitFor('Smoke checks');
    await ui.press(arrowRight);
    const frame = await ui.waitFor('X-Token');
    expect(frame).toContain('X-Token: [REDACTED:token]');
    expect(frame).not.toContain('hunter2');
  });
});
