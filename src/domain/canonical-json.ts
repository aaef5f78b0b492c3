// Canonical JSON: the one serialization that is hashed. Keys sorted by code unit, no whitespace,
// `undefined` (and functions) dropped from objects and turned into null in arrays, exactly like
// JSON.stringify, so that an event hashes the same before it is written and after it is read back.

export function canonicalJson(value: unknown): string {
  const out = serialize(value);
  if (out === undefined) throw new TypeError('canonicalJson: value is not serializable');
  return out;
}

function serialize(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not JSON');
    case 'object':
      return Array.isArray(value) ? serializeArray(value) : serializeObject(value as Record<string, unknown>);
    default:
      return undefined; // undefined, function, symbol
  }
}

function serializeArray(items: readonly unknown[]): string {
  return `[${items.map((item) => serialize(item) ?? 'null').join(',')}]`;
}

function serializeObject(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = serialize(record[key]);
    if (member !== undefined) parts.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${parts.join(',')}}`;
}
