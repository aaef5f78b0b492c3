// Raw output goes through the redaction stream as latin1 text; where nothing was redacted the
// command's own bytes are written (no re-encoding). The bytes must be exactly those of the text.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/domain/redaction.js';
import { ByteRedaction } from '../../src/services/byte-redaction.js';

const redactor = createRedactor({ env: { DEPLOY_TOKEN: 'dep-tok-0123456789' }, secrets: [{ name: 'pw', value: 'Päss wörd 42!' }] });
const LINES = [
  'plain line ✓ ünïcode',
  'token dep-tok-0123456789 accepted',
  'db: postgres://app:Päss wörd 42!@db/app',
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----',
  `${'long '.repeat(20_000)}no newline for a while`,
  'Authorization: Bearer abcdef.0123456789-xyz',
];

function chunksOf(bytes: Buffer, seed: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = 1 + ((seed * 7_919 + i * 104_729) % (i % 5 === 0 ? 70_000 : 300));
    chunks.push(Buffer.from(bytes.subarray(at, at + size)));
    at += size;
  }
  return chunks;
}

describe('redacting raw bytes', () => {
  it('writes exactly the bytes of the redacted text, whatever the chunking and idle flushes', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const text = Array.from({ length: 40 }, (_, i) => LINES[(i * 7 + seed) % LINES.length]).join('\n') + '\n';
      const chunks = chunksOf(Buffer.from(text), seed);
      const byText = redactor.stream({ bytes: true });
      const byBytes = new ByteRedaction(redactor.stream({ bytes: true }));
      let expected = '';
      const got: Buffer[] = [];
      chunks.forEach((chunk, i) => {
        expected += byText.push(chunk.toString('latin1'));
        got.push(...byBytes.push(chunk));
        if (i % 7 === 3) {
          expected += byText.flush();
          got.push(...byBytes.flush());
        }
      });
      expected += byText.flush();
      got.push(...byBytes.flush());
      expect(Buffer.concat(got).equals(Buffer.from(expected, 'latin1')), `seed ${seed}`).toBe(true);
      expect(byBytes.count).toBe(byText.count);
      expect(byBytes.count).toBeGreaterThan(0);
    }
  });

  it('stays right when an idle flush comes in the middle of a key block', () => {
    const parts = ['start\n-----BEGIN PRIVATE KEY-----\nMIIEvQIB', 'ADANBgkq\n', 'MIIE\n-----END PRIVATE KEY-----\nafter\n'];
    const stream = new ByteRedaction(redactor.stream({ bytes: true }));
    const out = [...stream.push(Buffer.from(parts[0]!)), ...stream.flush()];
    for (const part of parts.slice(1)) out.push(...stream.push(Buffer.from(part)), ...stream.flush());
    expect(Buffer.concat(out).toString()).toBe('start\n[REDACTED:private-key]\nafter\n');
  });

  it('writes the command\'s own bytes where nothing was redacted', () => {
    const stream = new ByteRedaction(redactor.stream({ bytes: true }));
    const first = Buffer.from('line one\nline tw');
    const second = Buffer.from('o\nline three');
    expect(stream.push(first).map(String)).toEqual(['line one\n']);
    const out = stream.push(second);
    expect(out.map(String)).toEqual(['line tw', 'o\n']);
    expect(out.map((part) => part.buffer)).toEqual([first.buffer, second.buffer]);
    expect(stream.pending).toBe('line three'.length);
    expect(Buffer.concat(stream.flush()).toString()).toBe('line three');
    expect(stream.pending).toBe(0);
  });
});
