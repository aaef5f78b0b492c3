import { describe, expect, it } from 'vitest';
import { createRedactor, type Redactor } from '../../src/domain/redaction.js';

const redactor = createRedactor({
  env: { DEPLOY_TOKEN: 'dep-tok-0123456789' },
  secrets: [{ name: 'db_password', value: 'Päss wörd 42!' }],
});

const SAMPLE = [
  'starting deploy',
  'token dep-tok-0123456789 accepted',
  'Authorization: Bearer abcdef.0123456789-xyz',
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACBhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NQAAAJg=',
  '-----END OPENSSH PRIVATE KEY-----',
  'db: postgres://app:Päss wörd 42!@db/app and Päss wörd 42! again',
  'AKIAIOSFODNN7EXAMPLE done ✓',
  '',
].join('\n');

function streamed(r: Redactor, chunks: string[], bytes = false): { text: string; count: number } {
  const stream = r.stream({ bytes });
  const text = chunks.map((chunk) => stream.push(chunk)).join('') + stream.flush();
  return { text, count: stream.count };
}

describe('redaction stream', () => {
  const whole = redactor.redact(SAMPLE);

  it('redacts the sample as expected', () => {
    expect(whole.text).toBe(
      [
        'starting deploy',
        'token [REDACTED:DEPLOY_TOKEN] accepted',
        'Authorization: Bearer [REDACTED:bearer]',
        '[REDACTED:private-key]',
        'db: postgres://app:[REDACTED:db_password]@db/app and [REDACTED:db_password] again',
        '[REDACTED:aws-access-key] done ✓',
        '',
      ].join('\n'),
    );
    expect(whole.count).toBe(6);
  });

  it('leaves already-redacted text as it is (redacting twice changes nothing)', () => {
    expect(redactor.redact(whole.text)).toEqual({ text: whole.text, count: 0 });
  });

  it('gives the same result wherever the text is split into two chunks', () => {
    for (let at = 0; at <= SAMPLE.length; at++) {
      expect(streamed(redactor, [SAMPLE.slice(0, at), SAMPLE.slice(at)]), `split at ${at}`).toEqual(whole);
    }
  });

  it('gives the same result one character at a time', () => {
    expect(streamed(redactor, [...SAMPLE])).toEqual(whole);
  });

  it('works on raw bytes split anywhere, even inside a multi-byte character', () => {
    const bytes = Buffer.from(SAMPLE, 'utf8');
    for (let at = 0; at <= bytes.length; at += 3) {
      const chunks = [bytes.subarray(0, at), bytes.subarray(at)].map((part) => part.toString('latin1'));
      const out = streamed(redactor, chunks, true);
      expect(Buffer.from(out.text, 'latin1').toString('utf8'), `split at byte ${at}`).toBe(whole.text);
      expect(out.count).toBe(whole.count);
    }
  });

  it('holds back only the unfinished line', () => {
    const stream = redactor.stream();
    expect(stream.push('line one\nline two, token dep-tok-01')).toBe('line one\n');
    expect(stream.pending).toBe('line two, token dep-tok-01'.length);
    expect(stream.push('23456789 ok\n')).toBe('line two, token [REDACTED:DEPLOY_TOKEN] ok\n');
    expect(stream.pending).toBe(0);
  });

  it('can be flushed mid-stream (idle output) and pushed to again', () => {
    const stream = redactor.stream();
    expect(stream.push('waiting for dep-tok-0123456789')).toBe('');
    expect(stream.flush()).toBe('waiting for [REDACTED:DEPLOY_TOKEN]');
    expect(stream.push('... done\n')).toBe('... done\n');
    expect(stream.count).toBe(1);
  });

  it('keeps memory bounded on a huge line without newlines and still catches secrets in it', () => {
    const piece = `${'x'.repeat(9_000)} dep-tok-0123456789 ${'y'.repeat(3_000)} ghp_${'Q'.repeat(36)} `;
    const text = piece.repeat(400);
    const stream = redactor.stream();
    let out = '';
    let maxPending = 0;
    // Chunk sizes that keep shifting against the pieces, so boundaries fall inside the secrets.
    for (let at = 0, i = 0; at < text.length; i++) {
      const size = 1_000 + ((i * 7_919) % 5_000);
      out += stream.push(text.slice(at, at + size));
      at += size;
      maxPending = Math.max(maxPending, stream.pending);
    }
    out += stream.flush();
    expect(maxPending).toBeLessThan(100 * 1024);
    expect(stream.count).toBe(800);
    expect(out).toBe(text.replaceAll('dep-tok-0123456789', '[REDACTED:DEPLOY_TOKEN]').replaceAll(`ghp_${'Q'.repeat(36)}`, '[REDACTED:github-token]'));
  });

  it('swallows a key block that arrives over many chunks, END marker split too', () => {
    const body = Array.from({ length: 200 }, (_, i) => `MIIE${String(i).padStart(60, 'A')}`).join('\n');
    const text = `before\n-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\nafter\n`;
    const chunks: string[] = [];
    for (let at = 0; at < text.length; at += 97) chunks.push(text.slice(at, at + 97));
    expect(streamed(redactor, chunks)).toEqual({ text: 'before\n[REDACTED:private-key]\nafter\n', count: 1 });
  });

  it('ends a key block without END at the first non-key line, across chunks', () => {
    const chunks = ['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADA', 'NBgkq\nMIIE\n', 'curl: (7) Failed to connect\nnext\n'];
    expect(streamed(redactor, chunks).text).toBe('[REDACTED:private-key]\ncurl: (7) Failed to connect\nnext\n');
  });
});
