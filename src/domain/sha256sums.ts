// SHA256SUMS, in the format `sha256sum` writes and `sha256sum -c` checks: `<hex>  <path>` per line.

export interface SumsEntry {
  sha256: string;
  path: string;
}

export function formatSums(entries: SumsEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sorted.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

/** Lines that are not `<64 hex>  <path>` (or `<hex> *<path>`, binary mode) are reported by number. */
export function parseSums(text: string): { entries: SumsEntry[]; malformed: number[] } {
  const entries: SumsEntry[] = [];
  const malformed: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line === '') return;
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (match) entries.push({ sha256: (match[1] as string).toLowerCase(), path: match[2] as string });
    else malformed.push(index + 1);
  });
  return { entries, malformed };
}

/** A listed path must stay inside the bundle: relative, no `..`, no backslashes or empty parts. */
export function isSafeRelativePath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
