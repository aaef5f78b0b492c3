// Every string in an event body passes through the redactor before it is stored: a token pasted
// into a note is caught just like one printed by a command.
import type { EventBody } from './events.js';
import type { Redactor } from './redaction.js';

/**
 * Identifiers and hashes are not free text; redacting inside them would only corrupt them. Nor are
 * enum values (purpose, result, status, decision, format): the schema admits a few fixed words.
 */
const NOT_TEXT = new Set(['type', 'runId', 'incidentId', 'log', 'logSha256', 'section', 'item', 'role', 'rule', 'purpose', 'result', 'status', 'decision', 'format']);

/**
 * Events repeat the same short strings (every run's cwd, a watch loop's command), and redacting
 * one means a scan for every secret: each redactor remembers its recent answers. Bounded, and
 * keyed by the redactor, whose secrets never change.
 */
const MEMO_MAX_ENTRIES = 256;
const MEMO_MAX_LENGTH = 512;
const memos = new WeakMap<Redactor, Map<string, string>>();

function redactText(redactor: Redactor, text: string): string {
  if (text === '') return text;
  if (text.length > MEMO_MAX_LENGTH) return redactor.redact(text).text;
  let memo = memos.get(redactor);
  if (!memo) memos.set(redactor, (memo = new Map()));
  let redacted = memo.get(text);
  if (redacted === undefined) {
    redacted = redactor.redact(text).text;
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(text, redacted);
  }
  return redacted;
}

function redactValue(redactor: Redactor, value: unknown): unknown {
  if (typeof value === 'string') return redactText(redactor, value);
  if (Array.isArray(value)) return value.map((v) => redactValue(redactor, v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      out[key] = NOT_TEXT.has(key) ? member : redactValue(redactor, member);
    }
    return out;
  }
  return value;
}

/** Every string in an event body (or any plain data, such as a parsed checklist) redacted. */
export function redactDeep<T extends EventBody | Record<string, unknown>>(redactor: Redactor, body: T): T {
  return redactValue(redactor, body) as T;
}
