// Resuming a session whose secrets are not stored (never): each is asked for once, masked; what is
// typed is used from then on and redacted like any secret. Esc goes on without it.
import { describe, expect, it } from 'vitest';
import { CutoverSession } from '../../src/services/session.js';
import { enter, escape, renderTui, sessionsClosedAfterEach, startSession, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();

async function resumedWithSecret(): Promise<CutoverSession> {
  const first = await startSession(tempEvidenceDir(), { variables: { region: 'eu', api_token: 'tok-123456' } });
  await first.close();
  const again = await CutoverSession.resume(first.evidencePath);
  sessions.push(again);
  return again;
}

describe('secrets on resume', () => {
  it('asks for a secret the evidence does not hold, masked, and uses and redacts what is typed', async () => {
    const session = await resumedWithSecret();
    expect(session.missingSecrets().map((v) => v.name)).toEqual(['api_token']);
    const ui = renderTui({ session });
    await ui.waitFor('Secret api_token: not stored in the evidence, type it again');
    ui.stdin.write('tok-654321');
    const frame = await ui.waitFor('••••');
    expect(frame).not.toContain('tok-654321');
    await ui.press(enter);
    await ui.waitFor('api_token given: redacted from everything recorded');
    expect(session.variables.api_token).toBe('tok-654321');
    expect(session.redactor.redact('token tok-654321 used').text).toBe('token [REDACTED:api_token] used');
    expect(session.missingSecrets()).toEqual([]);
  });

  it('Esc goes on without it; a session started with the secret left empty asks nothing', async () => {
    const session = await resumedWithSecret();
    const ui = renderTui({ session });
    await ui.waitFor('Secret api_token');
    await ui.press(escape);
    await ui.waitFor((frame) => !frame.includes('Secret api_token'));
    expect(session.variables.api_token).toBeUndefined();

    const empty = await startSession(tempEvidenceDir(), { variables: { region: 'eu' } });
    await empty.close();
    const again = await CutoverSession.resume(empty.evidencePath);
    sessions.push(again);
    expect(again.missingSecrets()).toEqual([]);
  });
});
