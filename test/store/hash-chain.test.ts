import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash, headerHash, sealEvent, verifyChain } from '../../src/domain/hash-chain.js';
import { EventBody } from '../../src/domain/events.js';
import { makeHeader, sampleBodies } from './helpers.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(header = makeHeader(), bodies = sampleBodies) {
  let prev = headerHash(header);
  const events = bodies.map((body, i) => {
    const event = sealEvent(i + 1, `2030-01-01T00:00:0${i}.000Z`, 'alice', EventBody.parse(body), prev);
    prev = event.hash;
    return event;
  });
  return { header, events };
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, undefined, 'x'], c: undefined, b: true }, c: null })).toBe('{"a":{"b":true,"d":[3,null,"x"]},"b":1,"c":null}');
  });

  it('does not depend on key insertion order', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('escapes strings like JSON and survives a JSON round trip', () => {
    const value = { text: 'quote " backslash \\ newline \n tab \t émoji 🚀 nul \u0000', n: 0.1 + 0.2 };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });
});

describe('hashes', () => {
  it('hashes the canonical header, and chains events from it', () => {
    const header = makeHeader();
    expect(headerHash(header)).toBe(sha(canonicalJson(header)));
    const unsealed = { seq: 1, ts: 't', by: 'alice', type: 'note.added', text: 'x', prev: 'p' };
    expect(eventHash('p', unsealed)).toBe(sha(`p${canonicalJson(unsealed)}`));
  });

  it('seals the first event onto the header and each next one onto the previous hash', () => {
    const { header, events } = chain();
    expect(events[0]?.prev).toBe(headerHash(header));
    for (let i = 1; i < events.length; i++) expect(events[i]?.prev).toBe(events[i - 1]?.hash);
    const { hash, ...rest } = events[2]!;
    expect(hash).toBe(eventHash(rest.prev, rest));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain, also after a JSON round trip', () => {
    const { header, events } = chain();
    expect(verifyChain(header, JSON.parse(JSON.stringify(events)))).toEqual({ ok: true, count: events.length });
    expect(verifyChain(header, [])).toEqual({ ok: true, count: 0 });
  });

  it('names an edited event', () => {
    const { header, events } = chain();
    const edited = events.map((e) => ({ ...e }));
    (edited[3] as { text: string }).text = 'replica lag 90s';
    expect(verifyChain(header, edited)).toEqual({ ok: false, validCount: 3, problem: { seq: 4, message: 'hash mismatch (event edited)' } });
  });

  it('names a deleted event', () => {
    const { header, events } = chain();
    const result = verifyChain(header, [...events.slice(0, 4), ...events.slice(5)]);
    expect(result).toEqual({ ok: false, validCount: 4, problem: { seq: 5, message: 'seq 6 follows 4 (event deleted or reordered)' } });
  });

  it('names reordered and duplicated events', () => {
    const { header, events } = chain();
    const swapped = [events[0], events[2], events[1], ...events.slice(3)];
    expect(verifyChain(header, swapped)).toMatchObject({ ok: false, validCount: 1, problem: { seq: 2, message: 'seq 3 follows 1 (event deleted or reordered)' } });
    const doubled = [...events.slice(0, 3), events[2], ...events.slice(3)];
    expect(verifyChain(header, doubled)).toMatchObject({ ok: false, validCount: 3, problem: { seq: 4, message: 'seq 3 follows 3 (event duplicated or reordered)' } });
  });

  it('names an edited header at seq 1', () => {
    const { header, events } = chain();
    const result = verifyChain({ ...header, operator: 'mallory' }, events);
    expect(result).toEqual({ ok: false, validCount: 0, problem: { seq: 1, message: 'prev does not match the header hash (header edited)', headerUntrusted: true } });
  });

  it('names an event re-sealed after an edit, by the link that breaks', () => {
    const { header, events } = chain();
    const forged = events.map((e) => ({ ...e }));
    const { hash: _h, ...rest } = { ...forged[1]!, name: 'Mallory' };
    forged[1] = { ...rest, hash: eventHash(rest.prev, rest) } as (typeof forged)[1];
    expect(verifyChain(header, forged)).toMatchObject({ ok: false, validCount: 2, problem: { seq: 3, message: 'prev does not match the hash of seq 2 (event replaced or inserted)' } });
  });

  it('checks each event against the schema, even with a matching hash', () => {
    const header = makeHeader();
    const prev = headerHash(header);
    const unsealed = { seq: 1, ts: 't', by: 'alice', type: 'note.added', text: 42, prev };
    const bad = { ...unsealed, hash: eventHash(prev, unsealed) };
    const result = verifyChain(header, [bad]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/^malformed note\.added event \(text: /);
    expect(verifyChain(header, ['nope'])).toMatchObject({ ok: false, problem: { seq: 1, message: 'malformed event (not an object)' } });
    expect(verifyChain(header, [{ type: 'note.added', text: 'x' }])).toMatchObject({ ok: false, problem: { seq: 1, message: expect.stringMatching(/^malformed event \(seq: /) } });
  });

});
