// Maps between field paths (['sections', 1, 'items', 2, 'timeout']) and offsets in the YAML or
// JSON source. Lookups fall back to the nearest enclosing node that exists.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { PathSegment } from './diagnostic.js';

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

function endOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[2] : undefined;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** An empty value (`timeout:` with nothing after it) is better shown at its key. */
function isEmptyScalar(node: unknown): boolean {
  if (!isScalar(node) || node.value !== null || !node.range) return false;
  return node.range[0] === node.range[1];
}

export function locateOffset(doc: Document, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): number {
  let node: unknown = doc.contents;
  let best = startOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i] as PathSegment;
    let next: unknown;
    let keyStart: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      keyStart = startOf(pair.key);
      if (i === path.length - 1 && at === 'key' && keyStart !== undefined) return keyStart;
      next = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    } else {
      break;
    }
    const nextStart = startOf(next);
    if (nextStart === undefined || isEmptyScalar(next)) return keyStart ?? best;
    best = nextStart;
    node = next;
  }
  return best;
}

/** The path of the deepest key or entry whose source contains `offset` (for syntax errors). */
export function pathAtOffset(doc: Document, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    let found: { segment: PathSegment; value: unknown } | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const start = startOf(pair.key);
        const end = endOf(pair.value) ?? endOf(pair.key);
        if (start !== undefined && end !== undefined && offset >= start && offset <= end) found = { segment: keyText(pair.key), value: pair.value };
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const start = startOf(item);
        const end = endOf(item);
        if (start !== undefined && end !== undefined && offset >= start && offset <= end) found = { segment: index, value: item };
      });
    }
    if (!found) return path;
    path.push(found.segment);
    node = found.value;
  }
}
