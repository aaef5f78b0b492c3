// Every string in an event body passes through the redactor before it is stored: a token pasted
// into a note is caught just like one printed by a command.
import type { EventBody } from './events.js';
import type { Redactor } from './redaction.js';

/** Identifiers and hashes are not free text; redacting inside them would only corrupt them. */
const NOT_TEXT = new Set(['type', 'runId', 'incidentId', 'log', 'logSha256', 'section', 'item', 'role', 'rule']);

function redactValue(redactor: Redactor, value: unknown): unknown {
  if (typeof value === 'string') return redactor.redact(value).text;
  if (Array.isArray(value)) return value.map((v) => redactValue(redactor, v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, NOT_TEXT.has(k) ? v : redactValue(redactor, v)]));
  }
  return value;
}

export function redactDeep(redactor: Redactor, body: EventBody): EventBody {
  return redactValue(redactor, body) as EventBody;
}
