// Inside `{ … }` a comma ends a value: `{ id: x, title: Latency under 1s (fails, times out) }` is the
// title "Latency under 1s (fails" and a key "times out)" without a value. The schema sees an unknown
// key; this says what happened to the value before it.
import { isMap, isPair, isScalar, Scalar, type Document } from 'yaml';
import type { PathSegment } from './diagnostic.js';

/** For an unknown key at `path`: how a comma in the previous value of its `{ }` made it, or undefined. */
export function flowCommaHint(doc: Document, path: readonly PathSegment[]): string | undefined {
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent) || !parent.flow) return undefined;
  const index = parent.items.findIndex((pair) => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(path[path.length - 1]));
  const pair = parent.items[index];
  const before = parent.items[index - 1];
  if (!pair || !before || !isScalar(before.value) || !isScalar(before.key)) return undefined;
  const bare = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
  if (!bare || before.value.type !== Scalar.PLAIN) return undefined;
  const name = String(before.key.value);
  return `unknown key "${String(path[path.length - 1])}": inside { }, a comma ends a value, so ${name} is "${String(before.value.value)}" and the words after the comma were read as a key: put the whole ${name} in quotes`;
}
