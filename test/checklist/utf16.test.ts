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

  it('a NUL in otherwise ordinary text is still binary', () => {
    expect(findNonText('id: x\ntitle: y\u0000z\nversion: "1"\n')).toMatchObject({ code: 'binary' });
  });
});
