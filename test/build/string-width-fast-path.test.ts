// The build widens string-width's fast path (scripts/string-width-fast-path.mjs): a string made
// only of the characters it lists must measure exactly as string-width's full algorithm says.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
// @ts-expect-error: a build script, plain JavaScript
import { narrowRanges } from '../../scripts/string-width-fast-path.mjs';

const stringWidthPath = createRequire(import.meta.url).resolve('string-width');

describe('the widened string-width fast path', async () => {
  const ranges: string = await narrowRanges(stringWidthPath);
  const narrow = new RegExp(`^[\\u0020-\\u007E${ranges}]*$`);
  const members: string[] = [];
  for (let code = 0x20; code <= 0x2bff; code++) if (narrow.test(String.fromCodePoint(code))) members.push(String.fromCodePoint(code));

  it('lists the glyphs the TUI draws, and none that are wide, combining, joining or emoji', () => {
    for (const glyph of ['─', '│', '▸', '·', '…', '✓', '✗', '◀', '▶', '—', '→', 'é', 'ß', 'Ω', 'Ж']) expect(narrow.test(glyph), glyph).toBe(true);
    for (const glyph of ['漢', '⌚', '\u0301', '\u200D', '\uFE0F', '\u1100', '\u1160', '\u0903', '\u200B', '\t', '\u001B']) expect(narrow.test(glyph), JSON.stringify(glyph)).toBe(false);
  });

  it('every listed character is one column and its own cluster, alone and next to any other', () => {
    for (const ch of members) expect(stringWidth(ch), ch).toBe(1);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => members[Math.floor(random() * members.length)]).join('');
      expect(stringWidth(text), JSON.stringify(text)).toBe(text.length);
    }
  });
});
