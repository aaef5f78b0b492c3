// Text saved as UTF-16 (Windows "Unicode"): by its byte order mark, or, without one, by NULs in
// one byte of almost every pair. Shared by the runbook decoder and the checklist text checks.

/** 'utf-16le' / 'utf-16be' when these bytes (or one-byte char codes) are UTF-16. */
export function utf16Of(bytes: ArrayLike<number>): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = length / 2;
  // Mostly ASCII text in UTF-16: one byte of each pair is NUL, the other almost never.
  if (oddNul >= pairs * 0.7 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.7 && oddNul <= pairs * 0.05) return 'utf-16be';
  return undefined;
}
