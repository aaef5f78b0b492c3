// The hash chain over evidence events. Each event's hash is sha256(prev + canonicalJson(event
// without hash)); the first event's prev is the hash of the canonical header, so the header is
// covered too. Verification also checks every event against the zod schemas: stored events are
// read, never trusted.
import * as crypto from 'node:crypto';
import type { z } from 'zod';
import { canonicalJson, canonicalJsonWithout } from './canonical-json.js';
import { EventBody, EventEnvelope, type EvidenceEvent, type EvidenceHeader } from './events.js';

export { canonicalJson };

export interface ChainProblem {
  /** The first seq that is not as it should be (1-based); events 1..seq-1 are intact. */
  seq: number;
  message: string;
  /**
   * The header cannot be vouched for: it is malformed, or the first event's prev does not match
   * its hash (the first event is all that vouches for it), so no event can be trusted either.
   */
  headerUntrusted?: true;
  /** The file ends mid-event or without its closing bytes, as it does while an append is landing. */
  torn?: true;
}

const HEADER_EDITED = 'prev does not match the header hash (header edited)';

export type ChainResult = { ok: true; count: number } | { ok: false; problem: ChainProblem; validCount: number };

/** One-shot crypto.hash (Node >= 20.12) skips creating a Hash object per event; same digest. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256 = oneShot
  ? (text: string): string => oneShot('sha256', text, 'hex')
  : (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export function headerHash(header: EvidenceHeader): string {
  return sha256(canonicalJson(header));
}

export function eventHash(prev: string, eventWithoutHash: object): string {
  return sha256(prev + canonicalJson(eventWithoutHash));
}

const ENVELOPE_KEYS = ['seq', 'ts', 'by', 'prev', 'hash'] as const;

/** Builds the stored event: envelope fields first, then the body, then prev and hash. */
export function sealEvent(seq: number, ts: string, by: string, body: z.output<typeof EventBody>, prev: string): EvidenceEvent {
  const event: Record<string, unknown> = { seq, ts, by, ...body, prev };
  event.hash = eventHash(prev, event); // hashed before it has a hash; added last, so stored last
  return event as EvidenceEvent;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

const ENVELOPE = new Set<string>(ENVELOPE_KEYS);

/** A copy without the envelope keys, built up rather than deleted from: objects stay fast for zod. */
function bodyOf(event: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(event)) if (!ENVELOPE.has(key)) body[key] = event[key];
  return body;
}

/**
 * The canonical text an event's hash covers; undefined when a hand-made value nests so deeply
 * that serializing it overflows the stack (JSON.parse reads any depth, the serializer recurses).
 */
function canonicalOrUndefined(event: Record<string, unknown>): string | undefined {
  try {
    return canonicalJsonWithout(event, 'hash');
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function checkEvent(raw: unknown, expectedSeq: number, expectedPrev: string): string | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'malformed event (not an object)';
  const event = raw as Record<string, unknown>;
  const envelope = EventEnvelope.safeParse(event);
  if (!envelope.success) return `malformed event (${firstIssue(envelope.error)})`;
  const { seq, prev, hash } = envelope.data;
  if (seq !== expectedSeq) {
    const after = expectedSeq === 1 ? 'comes first' : `follows ${expectedSeq - 1}`;
    return `seq ${seq} ${after} (event ${seq > expectedSeq ? 'deleted' : 'duplicated'} or reordered)`;
  }
  if (prev !== expectedPrev) {
    return expectedSeq === 1
      ? HEADER_EDITED
      : `prev does not match the hash of seq ${expectedSeq - 1} (event replaced or inserted)`;
  }
  const canonical = canonicalOrUndefined(event);
  if (canonical === undefined) return 'malformed event (nested too deeply to be evidence)';
  if (sha256(prev + canonical) !== hash) return 'hash mismatch (event edited)';
  const body = EventBody.safeParse(bodyOf(event));
  if (!body.success) return `malformed ${String(event.type)} event (${firstIssue(body.error)})`;
  return undefined;
}

export function verifyChain(header: EvidenceHeader, events: readonly unknown[]): ChainResult {
  let prev = headerHash(header);
  for (let i = 0; i < events.length; i++) {
    const message = checkEvent(events[i], i + 1, prev);
    if (message) return { ok: false, problem: { seq: i + 1, message, ...(message === HEADER_EDITED ? { headerUntrusted: true as const } : {}) }, validCount: i };
    prev = (events[i] as { hash: string }).hash;
  }
  return { ok: true, count: events.length };
}
