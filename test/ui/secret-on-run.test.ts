// Secrets and running an item. The edit prompt showed the secret's value in clear (a screen may
// be shared on a bridge call); running an item that uses a secret the resumed session lacks failed
// with "resume with --var api_token=...", sending the operator to type the secret on a command line.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CutoverSession } from '../../src/services/session.js';
import { arrowRight, enter, escape, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const checklistPath = join(import.meta.dirname, 'fixtures', 'secret-run.yaml');
const token = 'tok-123456';
const reversed = '654321-kot';

const sessions = sessionsClosedAfterEach();

async function onItem(resumed: boolean) {
  const first = await startSession(tempEvidenceDir(), { checklistPath, variables: { api_token: token } });
  let session = first;
  if (resumed) {
    await first.close();
    session = await CutoverSession.resume(first.evidencePath);
  }
  sessions.push(session);
  const ui = renderTui({ session, columns: 100, rows: 30 });
  if (resumed) {
    await ui.waitFor('Esc goes on without it: an item that uses it asks again when it runs.');
    await ui.press(escape);
    await ui.waitFor((frame) => !frame.includes('Secret api_token'));
  }
  await ui.waitFor('Smoke checks');
  await ui.press(arrowRight);
  return { session, ui };
}

describe('the edit prompt', () => {
  it('shows the secret as [REDACTED:name] and runs the command with its value', async () => {
    const { session, ui } = await onItem(false);
    await ui.press('e');
    let frame = await ui.waitFor('Edit the command');
    expect(frame).toContain("echo '[REDACTED:api_token]' | rev");
    expect(frame).not.toContain(token);
    await ui.press(enter);
    frame = await ui.waitFor('✓ PASS');
    expect(frame).toContain(reversed);
    expect(Object.values(session.state.runs).at(-1)).toMatchObject({ command: "echo '[REDACTED:api_token]' | rev" });
  });

  it('resumed without the secret: asks for it first, then shows the command masked', async () => {
    const { ui } = await onItem(true);
    await ui.press('e');
    await ui.waitFor('The command uses it: Esc edits nothing.');
    ui.stdin.write(token);
    await ui.press(enter);
    const frame = await ui.waitFor('Edit the command');
    expect(frame).toContain("echo '[REDACTED:api_token]' | rev");
    await ui.press(enter);
    await ui.waitFor(reversed);
  });
});

describe('running an item that uses a secret the resumed session lacks', () => {
  it('asks for it, masked, then runs with it', async () => {
    const { session, ui } = await onItem(true);
    await ui.press('r');
    await ui.waitFor('status uses it: Esc runs nothing.');
    ui.stdin.write(token);
    await ui.waitFor('••••••••••');
    expect(ui.lastFrame()).not.toContain(token);
    await ui.press(enter);
    const frame = await ui.waitFor('✓ PASS');
    expect(frame).toContain(reversed);
    expect(session.state.runOrder).toHaveLength(1);
  });

  it('Esc runs nothing and says why', async () => {
    const { session, ui } = await onItem(true);
    await ui.press('r');
    await ui.waitFor('status uses it: Esc runs nothing.');
    await ui.press(escape);
    await ui.waitFor('status not run: it needs api_token');
    expect(session.state.runOrder).toHaveLength(0);
  });
});
