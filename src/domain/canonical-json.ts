// Canonical JSON: the one serialization that is hashed. Keys sorted by code unit, no whitespace,
// `undefined` (and functions) dropped from objects and turned into null in arrays, exactly like
// JSON.stringify, so that an event hashes the same before it is written and after it is read back.
//
// Hot path: verify and export re-serialize every event of a session. The output is built by
// string concatenation (V8 ropes) rather than arrays and joins, and quoted keys are cached, since
// events repeat the same few dozen keys. The output bytes are exactly those of the plain
// recursive definition (test/domain/canonical-json.test.ts compares the two).

export function canonicalJson(value: unknown): string {
  const out = serialize(value, undefined);
  if (out === undefined) throw new TypeError('canonicalJson: value is not serializable');
  return out;
}

/** canonicalJson of an object without one of its top-level keys (an event without its hash), without copying it. */
export function canonicalJsonWithout(record: object, omit: string): string {
  const out = serialize(record, omit);
  if (out === undefined) throw new TypeError('canonicalJson: value is not serializable');
  return out;
}

/** `"key":` for keys seen before; bounded, so odd documents with endless distinct keys cannot grow it. */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 4096;

function keyPrefix(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function serialize(value: unknown, omit: string | undefined): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not JSON');
    case 'object':
      return Array.isArray(value) ? serializeArray(value) : serializeObject(value as Record<string, unknown>, omit);
    default:
      return undefined; // undefined, function, symbol
  }
}

function serializeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    // A hole in a sparse array stays empty, as Array.prototype.join leaves it.
    if (i in items) out += serialize(items[i], undefined) ?? 'null';
  }
  return `${out}]`;
}

function serializeObject(record: Record<string, unknown>, omit: string | undefined): string {
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === omit) continue;
    const member = serialize(record[key], undefined);
    if (member === undefined) continue;
    out += first ? keyPrefix(key) : `,${keyPrefix(key)}`;
    out += member;
    first = false;
  }
  return `${out}}`;
}
