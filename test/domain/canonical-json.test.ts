// The fast canonicalJson must produce exactly the bytes of the plain recursive definition it
// replaced (every evidence file ever written is hashed over them), whatever the input.
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonWithout } from '../../src/domain/canonical-json.js';

/** The original implementation, verbatim: the reference the fast one must match byte for byte. */
function reference(value: unknown): string {
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
      return Array.isArray(value) ? `[${value.map((item) => serialize(item) ?? 'null').join(',')}]` : serializeObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}
function serializeObject(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = serialize(record[key]);
    if (member !== undefined) parts.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${parts.join(',')}}`;
}

const sparse: unknown[] = [1];
sparse[3] = 'x';

const CASES: Array<[string, unknown]> = [
  ['primitives', [null, true, false, 0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, '', 'plain']],
  ['top-level primitives', 42],
  ['top-level string', 'a "quoted" \\ string\n'],
  ['unicode', { 'é': 'émoji 🚀', '日本': '語', '\u{1F600}': 'astral key', lone: '\ud800 lone surrogate \udfff', rtl: 'שלום', zwj: '👩‍👩‍👧' }],
  ['control characters', { text: 'nul \u0000 bell \u0007 tab \t cr \r lf \n del \u007f ls \u2028 ps \u2029' }],
  ['key order by code unit', { b: 1, a: 2, B: 3, A: 4, _: 5, '10': 6, '9': 7, 'a\u0000': 8, 'ä': 9, '\u{1F600}': 10, 'ﬀ': 11 }],
  ['nested', { z: { y: { x: [1, { b: [], a: {} }, [[[]]]] } }, a: [{ d: 1, c: [true, null] }] }],
  ['undefined, functions and symbols', { u: undefined, f: () => 1, s: Symbol('s'), keep: 1, arr: [undefined, () => 1, Symbol('t'), 2] }],
  ['toJSON', { when: new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 6)), custom: { toJSON: () => ({ y: 1, x: [2] }) }, undef: { toJSON: () => undefined } }],
  ['sparse array', { sparse }],
  ['boxed values', { n: Object(1), s: Object('str'), b: Object(true) }],
  ['empty containers', { o: {}, a: [], nested: [{}, []] }],
  ['long strings', { head: 'x'.repeat(4096), tail: `${'line\n'.repeat(3000)}"end"` }],
  [
    'an event',
    {
      seq: 12, ts: '2030-01-01T00:00:00.000Z', by: 'alice', type: 'command.finished', runId: 'r0001', exitCode: null, signal: 'SIGTERM',
      durationMs: 1234, timedOut: false, cancelled: true, stdoutBytes: 10, stderrBytes: 0, logBytes: 10, logSha256: 'ab'.repeat(32),
      excerpt: { head: 'ok\n', tail: '', truncated: false }, redactions: 2, result: 'fail', reasons: ['exit code 143, expected 0'], prev: 'cd'.repeat(32),
    },
  ],
];

describe('canonicalJson matches the reference definition byte for byte', () => {
  it.each(CASES)('%s', (_name, value) => {
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('on many pseudo-random documents', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const strings = ['', 'a', 'Z', 'é', '🚀', '"', '\\', '\n', '\u0001', 'key', 'kéy', '\ud83d'];
    const value = (depth: number): unknown => {
      switch (next(depth > 3 ? 5 : 7)) {
        case 0: return null;
        case 1: return next(2) === 0;
        case 2: return (next(2000) - 1000) / (next(7) + 1);
        case 3: return strings[next(strings.length)]! + strings[next(strings.length)]!;
        case 4: return undefined;
        case 5: return Array.from({ length: next(4) }, () => value(depth + 1));
        default: return Object.fromEntries(Array.from({ length: next(5) }, () => [strings[next(strings.length)]! + next(30), value(depth + 1)]));
      }
    };
    for (let i = 0; i < 2000; i++) {
      const doc = { root: value(0), [`k${next(9)}`]: value(0) };
      expect(canonicalJson(doc)).toBe(reference(doc));
    }
  });

  it('throws where the reference throws', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
    expect(() => canonicalJson({ big: 1n })).toThrow('bigint');
  });

  it('canonicalJsonWithout leaves out one top-level key only', () => {
    const event = { seq: 1, hash: 'h', body: { hash: 'kept' }, prev: 'p' };
    const { hash: _hash, ...rest } = event;
    expect(canonicalJsonWithout(event, 'hash')).toBe(reference(rest));
  });
});
