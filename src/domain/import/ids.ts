// Ids for sections, items, roles and rules: short, readable slugs, unique within their kind.
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const STOPWORDS = new Set([
  'a', 'an', 'the', 'to', 'of', 'for', 'and', 'or', 'in', 'at', 'with', 'is', 'are', 'be', 'by',
  'via', 'if', 'all', 'any', 'from', 'into', 'its', 'it', 'this', 'that', 'as', 'per',
]);

export function isValidId(text: string): boolean {
  return ID.test(text);
}

/** "Repoint traffic to the previous release" -> "repoint-traffic-previous-release". */
export function slugify(text: string, maxWords = 4): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  const picked = (meaningful.length ? meaningful : words).slice(0, maxWords);
  let slug = '';
  for (const word of picked) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 40 && slug) break;
    slug = next.slice(0, 40);
  }
  return slug;
}

export class IdRegistry {
  private readonly used = new Set<string>();
  /** Next suffix to try per base, so that thousands of clashes stay linear. */
  private readonly next = new Map<string, number>();

  has(id: string): boolean {
    return this.used.has(id.toLowerCase());
  }

  /** `base` when free (or `fallback` when base is not a valid id); "-2", "-3"... on clashes. */
  take(base: string, fallback: string): string {
    base = isValidId(base) ? base : fallback;
    const key = base.toLowerCase();
    let id = base;
    let n = this.next.get(key) ?? 2;
    while (this.has(id)) id = `${base}-${n++}`;
    if (id !== base) this.next.set(key, n);
    this.used.add(id.toLowerCase());
    return id;
  }
}
