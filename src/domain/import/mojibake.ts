// Repairs UTF-8 text that was once decoded as Windows-1252 ("â†’" for "→", "âœ…" for "✅").
// A run is replaced only when its bytes decode as valid UTF-8, so genuine Latin-1 text such as
// "café" is left alone. Sequences that lost a byte on the way (cp1252 has no 0x9D) stay as they are.

// Windows-1252 characters in 0x80-0x9F, by code point.
const CP1252_BYTE: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

const decoder = new TextDecoder('utf-8', { fatal: true });

function byteOf(char: string): number | undefined {
  const cp = char.codePointAt(0) ?? 0;
  return cp <= 0xff ? cp : CP1252_BYTE[cp];
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

export interface Repaired {
  text: string;
  repairs: number;
}

export function repairMojibake(text: string): Repaired {
  const chars = [...text];
  let out = '';
  let repairs = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const length = sequenceLength(byteOf(char) ?? 0);
    if (length > 0 && i + length <= chars.length) {
      const bytes = chars.slice(i, i + length).map(byteOf);
      const continuation = bytes.slice(1).every((b) => b !== undefined && b >= 0x80 && b <= 0xbf);
      if (continuation) {
        try {
          out += decoder.decode(Uint8Array.from(bytes as number[]));
          repairs++;
          i += length - 1;
          continue;
        } catch {
          // not UTF-8 after all: keep the characters as written
        }
      }
    }
    out += char;
  }
  return repairs ? repairLossy(out, repairs) : { text: out, repairs };
}

// Sequences that lost a byte cp1252 cannot represent (0x9D), in text already shown to be
// mojibake: "âŒ" was ❌ (E2 9D 8C), a lone "â€" was ” (E2 80 9D).
const LOSSY: Array<[RegExp, string]> = [
  [/âŒ/g, '❌'],
  [/â€(?![\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])/g, '”'],
];

function repairLossy(text: string, repairs: number): Repaired {
  let count = repairs;
  let out = text;
  for (const [pattern, replacement] of LOSSY) {
    out = out.replace(pattern, () => {
      count++;
      return replacement;
    });
  }
  return { text: out, repairs: count };
}
