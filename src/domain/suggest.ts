// "Did you mean ...?" for typos in keys, enum values and references.

/** Edits (insert, delete, substitute, or swap two neighbours: `fro` for `for`) from a to b. */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] as number) + 1);
      current[j] = best;
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length] as number;
}

const normalize = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/** The closest candidate if it is close enough to be a likely typo (or within `maxDistance` edits). */
export function closest(input: string, candidates: readonly string[], maxDistance?: number): string | undefined {
  const wanted = normalize(input);
  const exact = candidates.find((c) => normalize(c) === wanted);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalize(candidate));
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const allowed = maxDistance ?? (wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3);
  return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean "x"?)` or `` when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

/** `a, b, c` shortened for one-line messages. */
export function listOf(values: readonly string[], max = 12): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')}, ... (${values.length - max} more)`;
}
