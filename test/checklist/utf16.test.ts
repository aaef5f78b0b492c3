// A checklist saved as UTF-16 is named as such, with or without a byte order mark, and binary
// content is still called binary.
import { describe, expect, it } from 'vitest';
import { findNonText } from '../../src/domain/text-checks.js';

const utf16 = (text: string, endian: 'le' | 'be'): string => {
  const bytes = Buffer.from(text, 'utf16le');
  if (endian === 'be') bytes.swap16();
  return bytes.toString('utf8'); // what the loader decodes a file as
};

describe('text checks', () => {
  it.each(['le', 'be'] as const)('UTF-16%s without a byte order mark: "save it as UTF-8"', (endian) => {
    expect(findNonText(utf16('id: x\ntitle: y\nversion: "1"\n', endian))).toMatchObject({ code: 'encoding', message: 'is UTF-16 text (without a byte order mark); save it as UTF-8' });
  });

  it.each(['le', 'be'] as const)('UTF-16%s with a byte order mark: "save it as UTF-8"', (endian) => {
    expect(findNonText(utf16('\uFEFFid: x\ntitle: y\n', endian))).toMatchObject({ code: 'encoding', message: 'is UTF-16 text; save it as UTF-8' });
  });

  it('binary that happens to start with two invalid bytes and holds a NUL somewhere is binary, not UTF-16', () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x00, 0x48, 0x00, 0x48, 0x7f, 0x33, 0x9a]);
    const problem = findNonText(bytes.toString('utf8'));
    expect(problem?.message).not.toMatch(/UTF-16/);
    expect(problem).toMatchObject({ code: 'encoding', message: 'is not valid UTF-8 text (save the file as UTF-8)' });
  });

  it('a NUL in otherwise ordinary text is still binary', () => {
    expect(findNonText('id: x\ntitle: y\u0000z\nversion: "1"\n')).toMatchObject({ code: 'binary' });
  });
});
