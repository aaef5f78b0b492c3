// The on-disk layout of an evidence file, and reading it back without trusting it:
//
//   {"header":{...},"events":[
//   {...event 1...},
//   {...event 2...}
//   ]}
//
// One event per line, so that an append only overwrites the closing bytes and a torn or
// hand-edited file can still be read line by line up to its first bad event.
import { EvidenceHeader, type EvidenceEvent } from './events.js';
import { verifyChain, type ChainProblem } from './hash-chain.js';

const EVENTS_OPEN = ',"events":[';

export function renderDocument(header: EvidenceHeader, events: readonly EvidenceEvent[]): string {
  const head = `{"header":${JSON.stringify(header)}${EVENTS_OPEN}\n`;
  return head + events.map((event) => `${JSON.stringify(event)}`).join(',\n') + (events.length ? '\n' : '') + ']}\n';
}

/**
 * What to write, and where, to add `events` to a file of `size` bytes laid out by renderDocument
 * that already holds `onDisk` events: the closing `]}` (with the newline before it, if any event
 * precedes) is overwritten, so the file is complete JSON again once the write lands.
 */
export function appendChunk(size: number, onDisk: number, events: readonly EvidenceEvent[]): { offset: number; text: string } {
  const lines = events.map((event) => JSON.stringify(event)).join(',\n');
  return onDisk > 0 ? { offset: size - 4, text: `,\n${lines}\n]}\n` } : { offset: size - 3, text: `${lines}\n]}\n` };
}

export type Inspection =
  | { kind: 'not-evidence'; reason: string }
  | {
      kind: 'evidence';
      header: EvidenceHeader;
      /** The intact prefix: every event before the first problem. */
      events: EvidenceEvent[];
      problem?: ChainProblem;
      /** Laid out exactly as this tool writes it, so an append can overwrite the closing bytes. */
      appendable: boolean;
    };

interface Parsed {
  header: unknown;
  events: unknown[];
  problem?: ChainProblem;
  appendable: boolean;
}

function parseWhole(text: string): Parsed | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== 'object') return undefined;
  const { header, events } = doc as { header?: unknown; events?: unknown };
  if (!Array.isArray(events)) return { header, events: [], problem: { seq: 1, message: 'no events list (file edited)' }, appendable: false };
  const extra = Object.keys(doc).filter((key) => key !== 'header' && key !== 'events');
  if (extra.length) {
    // content no hash covers: reported after the events, which may all be intact
    const problem = { seq: events.length + 1, message: `the file holds ${JSON.stringify(extra[0])} beside its header and events (file edited)` };
    return { header, events, problem, appendable: false };
  }
  const appendable = text.endsWith(events.length ? '}\n]}\n' : '[\n]}\n');
  return { header, events, appendable };
}

function parseHeaderLine(line: string): unknown {
  if (!line.startsWith('{"header":') || !line.endsWith(EVENTS_OPEN)) return undefined;
  try {
    return (JSON.parse(`${line}]}`) as { header: unknown }).header;
  } catch {
    return undefined;
  }
}

/** Line by line, for a file that is not valid JSON: finds the intact events before the damage. */
function parseLines(text: string): Parsed | undefined {
  const lines = text.split('\n');
  const header = parseHeaderLine(lines[0] ?? '');
  if (header === undefined) return undefined;
  const events: unknown[] = [];
  const problemHere = (message: string, torn?: true): Parsed => ({ header, events, problem: { seq: events.length + 1, message, ...(torn && { torn }) }, appendable: false });
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === ']}') {
      const rest = lines.slice(i + 1).join('\n');
      return rest === '' ? problemHere('file is not valid JSON (file edited)') : problemHere('unexpected content after the last event (garbage appended)');
    }
    if (line === '' && i === lines.length - 1) break;
    const next = lines[i + 1];
    const hasComma = line.endsWith(',');
    let event: unknown;
    try {
      event = JSON.parse(hasComma ? line.slice(0, -1) : line);
    } catch {
      const torn = i >= lines.length - 2;
      return torn ? problemHere('event is incomplete (file truncated or the last write was cut short)', true) : problemHere('event is not valid JSON (file edited or damaged)');
    }
    const commaExpected = next !== undefined && next !== '' && next !== ']}';
    if (next !== undefined && next !== '' && hasComma !== commaExpected) {
      return problemHere('event line has a missing or extra comma (file edited)');
    }
    events.push(event);
  }
  const last = events.length ? `seq ${events.length}` : 'its header';
  return problemHere(`file ends after ${last} without its closing "]}" (file truncated or the last write was cut short)`, true);
}

const BYTE_ORDER_MARK = '\uFEFF';

export function inspectEvidence(fileText: string): Inspection {
  // An editor may have saved the file with a byte order mark: the events are read through it, but
  // the file is no longer laid out as written (like one saved with CRLF line ends), so not appendable.
  const marked = fileText.startsWith(BYTE_ORDER_MARK);
  const text = marked ? fileText.slice(1) : fileText;
  const parsed = parseWhole(text) ?? parseLines(text);
  if (!parsed) return { kind: 'not-evidence', reason: text.length ? 'it is not a cutover evidence file (or is damaged beyond reading)' : 'it is empty' };
  const raw = parsed.header as { format?: unknown } | null;
  if (raw === null || typeof raw !== 'object' || raw.format !== 'cutover-evidence/1') {
    const other = raw !== null && typeof raw === 'object' && typeof raw.format === 'string' && raw.format.startsWith('cutover-evidence/') ? raw.format : undefined;
    const reason = other ? `it is in format ${JSON.stringify(other).slice(0, 60)}, which this cutover cannot read (it reads cutover-evidence/1): open it with the cutover that wrote it` : 'it is not a cutover evidence file (no cutover-evidence/1 header)';
    return { kind: 'not-evidence', reason };
  }
  const header = EvidenceHeader.safeParse(raw);
  if (!header.success) {
    const problem = { seq: 1, message: 'the header is malformed (header edited)', headerUntrusted: true as const };
    return { kind: 'evidence', header: raw as EvidenceHeader, events: [], problem, appendable: false };
  }
  const chain = verifyChain(header.data, parsed.events);
  const intact = (chain.ok ? parsed.events : parsed.events.slice(0, chain.validCount)) as EvidenceEvent[];
  const problem = chain.ok ? parsed.problem : chain.problem;
  return { kind: 'evidence', header: raw as EvidenceHeader, events: intact, problem, appendable: !problem && !marked && parsed.appendable };
}
