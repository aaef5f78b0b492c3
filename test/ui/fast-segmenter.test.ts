// The Intl.Segmenter stand-in the build gives Ink's text libraries must split every string
// exactly as Intl.Segmenter does.
import { describe, expect, it } from 'vitest';
import { FastSegmenter, splitsByCodeUnit } from '../../src/ui/text/fast-segmenter.js';

const intl = new Intl.Segmenter();
const fast = new FastSegmenter();
const split = (segmenter: { segment(s: string): Iterable<{ segment: string; index: number }> }, text: string) =>
  [...segmenter.segment(text)].map(({ segment, index }) => [segment, index]);

describe('FastSegmenter', () => {
  it('splits like Intl.Segmenter: each character of its fast path next to every kind of neighbour', () => {
    const neighbours = ['a', '\n', '\r', '\u001B', '\u0301', '\u200D', '\uFE0F', '👍', '漢', '─'];
    const fastPath: string[] = [];
    for (let code = 0; code < 0xd800; code++) if (splitsByCodeUnit(String.fromCharCode(code))) fastPath.push(String.fromCharCode(code));
    expect(fastPath.length).toBeGreaterThan(1500);
    const differ: string[] = [];
    for (const ch of fastPath) {
      for (const n of neighbours) {
        for (const text of [`${n}${ch}${ch}${n}`, `${ch}${n}`, `${n}${ch}`]) {
          if (JSON.stringify(split(fast, text)) !== JSON.stringify(split(intl, text))) differ.push(JSON.stringify(text));
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('splits random mixes (ANSI colours, box lines, CR LF, emoji, combining marks) like Intl.Segmenter', () => {
    const alphabet = ['a', ' ', '─', '▸', '·', '…', '✓', 'é', '\u001B[31m', '\u001B[39m', '\r\n', '\n', '\t', '👍🏽', 'e\u0301', '漢', '🇫🇷', '\uFE0F', '\u200D'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(split(fast, text), JSON.stringify(text)).toEqual(split(intl, text));
      const at = Math.floor(random() * (text.length + 2)) - 1;
      expect(fast.segment(text).containing(at)?.segment, `${JSON.stringify(text)} at ${at}`).toBe(intl.segment(text).containing(at)?.segment);
    }
  });

  it('passes word and sentence granularity to Intl.Segmenter', () => {
    const words = new FastSegmenter('en', { granularity: 'word' });
    expect([...words.segment('go no-go')].map((s) => s.segment)).toEqual(['go', ' ', 'no', '-', 'go']);
    expect(words.resolvedOptions().granularity).toBe('word');
  });
});
