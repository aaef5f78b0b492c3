// Event bodies are redacted string by string; repeated strings are answered from a per-redactor
// memo, which must never leak one redactor's answers (its secrets) into another's.
import { describe, expect, it } from 'vitest';
import { redactDeep } from '../../src/domain/redact-event.js';
import { createRedactor } from '../../src/domain/redaction.js';

const SECRET = 'hunter2-very-secret-value';

describe('redactDeep', () => {
  it('redacts every free-text string, again and again, and leaves ids and enum values alone', () => {
    const redactor = createRedactor({ secrets: [{ name: 'api_token', value: SECRET }] });
    for (let i = 0; i < 3; i++) {
      const body = redactDeep(redactor, { type: 'command.started', runId: 'r0001', section: 's', item: 'i', pass: 1, command: `curl -H "token: ${SECRET}"`, purpose: 'check', cwd: `/srv/${SECRET}`, log: 'x.runs/r0001.log' });
      expect(body).toEqual({ type: 'command.started', runId: 'r0001', section: 's', item: 'i', pass: 1, command: 'curl -H "token: [REDACTED:api_token]"', purpose: 'check', cwd: '/srv/[REDACTED:api_token]', log: 'x.runs/r0001.log' });
    }
    const nested = redactDeep(redactor, { type: 'override.recorded', section: 's', reason: SECRET, unmet: ['', SECRET] });
    expect(nested).toEqual({ type: 'override.recorded', section: 's', reason: '[REDACTED:api_token]', unmet: ['', '[REDACTED:api_token]'] });
  });

  it("one redactor's answers never reach another", () => {
    const withSecret = createRedactor({ secrets: [{ name: 'api_token', value: SECRET }] });
    const without = createRedactor({ secrets: [] });
    const note = { type: 'note.added' as const, text: `value ${SECRET}` };
    expect(redactDeep(withSecret, note)).toEqual({ type: 'note.added', text: 'value [REDACTED:api_token]' });
    expect(redactDeep(without, note)).toEqual(note);
    expect(redactDeep(withSecret, note)).toEqual({ type: 'note.added', text: 'value [REDACTED:api_token]' });
  });

  it('long texts and many distinct texts are still all redacted', () => {
    const redactor = createRedactor({ secrets: [{ name: 'api_token', value: SECRET }] });
    const long = `${'x'.repeat(2000)} ${SECRET}`;
    expect(redactDeep(redactor, { type: 'note.added', text: long })).toEqual({ type: 'note.added', text: `${'x'.repeat(2000)} [REDACTED:api_token]` });
    for (let i = 0; i < 600; i++) {
      expect(redactDeep(redactor, { type: 'note.added', text: `${i} ${SECRET}` })).toEqual({ type: 'note.added', text: `${i} [REDACTED:api_token]` });
    }
  });
});
