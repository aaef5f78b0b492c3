// An esbuild plugin for Ink's string-width (v8), which measures every piece of text on screen.
//
// Its fast path covers printable ASCII only. The TUI draws box lines, arrows, bullets and the like
// on every frame, so the first frame took the slow path, whose first use compiles
// /^\p{RGI_Emoji}$/v: about 20 ms (the set of every emoji sequence is built at run time), a tenth
// of the time to first frame. This plugin
// - widens the fast path to the characters (computed here, from string-width itself) that are
//   exactly one column wide and always a grapheme cluster of their own, so a string made only of
//   them is as wide as it is long: the same answer the slow path gives, without it;
// - compiles the emoji regex on first use instead of when the module loads.
// The build fails if string-width's source no longer has what is patched (an upgrade must
// revisit this, not silently lose it).
import { readFileSync } from 'node:fs';

const ASCII_FAST_PATH = 'if (/^[\\u0020-\\u007E]*$/.test(string)) {';
const EMOJI_REGEX = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';

/** Code points of U+00A0..U+2BFF that string-width measures as 1 and that never join a neighbour. */
export async function narrowRanges(stringWidthPath) {
  const { default: stringWidth } = await import(stringWidthPath);
  const segmenter = new Intl.Segmenter();
  const clusters = (text) => [...segmenter.segment(text)].length;
  const ranges = [];
  for (let code = 0xa0; code <= 0x2bff; code++) {
    const ch = String.fromCodePoint(code);
    const narrow = stringWidth(ch) === 1 && stringWidth(ch, { ambiguousIsNarrow: true }) === 1 && clusters(`a${ch}${ch}a`) === 4;
    if (!narrow) continue;
    const last = ranges.at(-1);
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  const hex = (code) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return ranges.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('');
}

export const stringWidthFastPath = {
  name: 'string-width-fast-path',
  setup(builder) {
    let patched = 0;
    builder.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      // Older copies (wrap-ansi's) have no emoji regex to defer: left as they are.
      if (!source.includes(EMOJI_REGEX)) return undefined;
      if (!source.includes(ASCII_FAST_PATH)) throw new Error(`string-width-fast-path: ${args.path} changed; update scripts/string-width-fast-path.mjs`);
      patched++;
      const narrow = await narrowRanges(args.path);
      const contents = source
        .replace(EMOJI_REGEX, 'let rgiEmojiCompiled;\nconst rgiEmojiRegex = {test: (text) => (rgiEmojiCompiled ??= /^\\p{RGI_Emoji}$/v).test(text)};')
        .replace(ASCII_FAST_PATH, `if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && /^[\\u0020-\\u007E${narrow}]*$/.test(string))) {`);
      return { contents, loader: 'js' };
    });
    builder.onEnd((result) => {
      if (result.errors.length === 0 && patched === 0) throw new Error('string-width-fast-path: Ink\'s string-width (v8) was not found in the bundle; update scripts/string-width-fast-path.mjs');
    });
  },
};
