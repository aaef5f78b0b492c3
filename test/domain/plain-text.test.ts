// Text for terminal tables: plain (no escape sequences), measured in columns (wide characters take
// two), and cut only between whole characters.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitColumns, oneLine, padColumns } from '../../src/domain/plain-text.js';

describe('plain text for terminal tables', () => {
  it('drops escape sequences and turns control characters into spaces', () => {
    expect(oneLine('a\u001b[31mred\u001b[0m\u001b]0;title\u0007\tb\nc')).toBe('ared b c');
  });

  it.each([
    ['plain ascii title that is long', 10],
    ['データベースの切り替えを確認する', 11],
    ['🚀🚀🚀🚀🚀🚀🚀🚀 launch', 9],
    ['café crème brûlée à la carte', 12],
    ['👨‍👩‍👧 family check', 8],
    ['short', 12],
  ])('fits %j into exactly %i columns, never splitting a character', (text, width) => {
    const fitted = fitColumns(text, width);
    expect(stringWidth(fitted)).toBe(width);
    expect(fitted).not.toContain('\uFFFD');
    expect(Buffer.from(fitted, 'utf8').toString('utf8')).toBe(fitted); // no lone surrogate
    const kept = fitted.replace(/…?\s*$/, '');
    expect(text.startsWith(kept)).toBe(true);
  });

  it('pads by columns, not by code units', () => {
    expect(padColumns('漢字', 6)).toBe('漢字  ');
  });
});
