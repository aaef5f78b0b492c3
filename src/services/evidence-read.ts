// Reading evidence files without a lock and without trusting them, and recovering the intact
// part of a damaged one into a new file. The original is never written to.
import { closeSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { shellWord } from '../domain/command-template.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import { inspectEvidence, renderDocument } from '../domain/evidence-format.js';
import { EvidenceHeader, type EvidenceEvent } from '../domain/events.js';
import { headerHash, sealEvent, type ChainProblem } from '../domain/hash-chain.js';
import { plural } from '../domain/plural.js';
import { writeFileDurable } from './durable-file.js';
import { fileErrorReason } from './file-errors.js';
import { openRegularSync, readRegularFile } from './regular-file.js';
import { findDuplicateKey } from './verify-duplicate-keys.js';
import { sha256File, type FileDigest } from './sha256-file.js';

/** How an operator continues from a damaged file; the CLI wires this to writeRecoveredCopy. */
export const RECOVER_COMMAND = 'cutover resume --recover';

export const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export type DamageProblem = ChainProblem & {
  hint?: string;
  /** Where the damage is when it is not an event: `header`, `top level` (verify names it instead of `seq 1`). */
  where?: string;
};

export interface EvidenceRead {
  /** As read: check it with isIntactHeader before trusting its fields when there is a problem at seq 1. */
  header: EvidenceHeader;
  /** The intact events: all of them, or those before `problem.seq`. */
  events: EvidenceEvent[];
  problem?: DamageProblem;
  /** Laid out as cutover writes it (false for a file saved by an editor with CRLF or a BOM, even if intact). */
  appendable?: boolean;
}

/** A header edited into something that is not a header (fields missing, of the wrong type): nothing in the file can be trusted. */
export function isIntactHeader(header: unknown): header is EvidenceHeader {
  return EvidenceHeader.safeParse(header).success;
}

export function damageHint(path: string, validCount: number, headerIntact = true): string {
  if (!headerIntact) return `nothing was changed. \`cutover verify ${shellWord(path)}\` shows the details; its header is damaged, so none of its events can be trusted or recovered`;
  const keep = validCount ? `the ${validCount} intact event${validCount === 1 ? '' : 's'} (seq 1..${validCount})` : 'no intact events';
  return `nothing was changed. \`cutover verify ${shellWord(path)}\` shows the details; \`${RECOVER_COMMAND} ${shellWord(path)}\` continues from a copy holding ${keep}, beside the original`;
}

/** Whether a damaged file's header can still be trusted: nothing edited it, and it reads as a header. */
function headerTrusted(problem: ChainProblem, header: unknown): boolean {
  return !problem.headerUntrusted && (problem.seq > 1 || header === undefined || isIntactHeader(header));
}

export function damagedError(path: string, problem: ChainProblem, validCount: number, header?: unknown): CutoverError {
  const headerIntact = headerTrusted(problem, header);
  return new CutoverError(`evidence file ${path} is damaged at seq ${problem.seq}: ${problem.message}`, 1, damageHint(path, validCount, headerIntact));
}

/**
 * A key written twice where JSON.parse keeps only the last: which copy was recorded cannot be
 * told, so nothing after the header is trusted (a second "events" list would otherwise hide the first).
 */
function duplicateKeyProblem(text: string): DamageProblem | undefined {
  const duplicate = findDuplicateKey(text);
  if (!duplicate) return undefined;
  const holder = duplicate.where === 'header' ? 'the header' : 'the file';
  const message = `${holder} holds the key ${JSON.stringify(duplicate.key)} twice: a JSON reader sees only the last one (${duplicate.where === 'header' ? 'header' : 'file'} edited)`;
  return { seq: 1, where: duplicate.where, message };
}

/** What a file given where evidence belongs seems to be instead, and where to take it (a hint). */
function whatItIs(path: string, text: string): string | undefined {
  const word = shellWord(path);
  if (text.charCodeAt(0) === 0x1f || text.slice(257, 262) === 'ustar') return `an incident package (.tar.gz)? \`cutover verify ${word}\` checks it; its report.md and evidence.json are inside`;
  if (/^\s*(sections|id|title|version)\s*:/m.test(text) || /"sections"\s*:\s*\[/.test(text.slice(0, 65536))) return `a checklist? \`cutover validate ${word}\` checks it, \`cutover open ${word}\` starts a session on it`;
  return undefined;
}

/** Inspects the text of an evidence file; throws CutoverError (exit 2) if it is not evidence at all. */
export function inspectFile(path: string, text: string): EvidenceRead & { appendable: boolean } {
  const found = inspectEvidence(text);
  if (found.kind === 'not-evidence') throw new CutoverError(`cannot read ${path}: ${found.reason}`, 2, whatItIs(path, text));
  const duplicate = duplicateKeyProblem(text);
  return duplicate ? { header: found.header, events: [], problem: duplicate, appendable: false } : found;
}

/** One read call: the file is small next to the cost of the thread-pool round trips of an async read. */
function readText(path: string): string {
  return readRegularFile(path, `cannot read evidence file ${path}`).toString('utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const CLOSING = ']}\n';

/** Size and modification time: a file that shows the same stamp twice was not written to in between. */
function stampOf(path: string): string | undefined {
  try {
    const info = statSync(path);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** Whether the file ends with its closing bytes, reading only those. */
function endsClosed(path: string): boolean {
  const opened = openRegularSync(path);
  if (!opened) return false;
  try {
    const tail = Buffer.alloc(CLOSING.length);
    const read = readSync(opened.fd, tail, 0, tail.length, Math.max(0, opened.size - tail.length));
    return tail.toString('utf8', 0, read) === CLOSING;
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * The text of the file, and its stamp from before the read. An append overwrites the closing
 * bytes, so a read that lands in the middle of one ends mid-event: then wait (briefly, watching the
 * tail alone) for them to come back and read once more. A writer appends hundreds of events a
 * second; a file that is simply damaged (unchanged meanwhile) is read once, not once per wait.
 */
async function readSettled(path: string, attempts = 20): Promise<{ text: string; stamp?: string }> {
  let stamp = stampOf(path);
  let text = readText(path);
  if (text.endsWith(CLOSING)) return { text, stamp };
  for (let attempt = 0; attempt < attempts && !endsClosed(path); attempt++) await sleep(attempt < 10 ? 1 : 10);
  if (stamp !== undefined && stampOf(path) === stamp) return { text, stamp };
  stamp = stampOf(path);
  text = readText(path);
  return { text, stamp };
}

/**
 * Read-only, no lock: the header, the intact events, and the first problem if there is one.
 * A live session may be appending while we read, and a read can land mid-append: a problem only
 * counts once the file is unchanged since it was read (or reads the same twice). A file whose
 * torn tail changed at every read is a writer appending faster than we can read it (under load):
 * the events before the append are what it held, and an append never touches them.
 */
export async function readEvidence(path: string): Promise<EvidenceRead> {
  let { text, stamp } = await readSettled(path);
  let found = inspectFile(path, text);
  let settled = false;
  for (let attempt = 0; found.problem && attempt < 5; attempt++) {
    await sleep(20);
    settled = stamp !== undefined && stampOf(path) === stamp;
    if (settled) break;
    const again = await readSettled(path, 3);
    settled = again.text === text;
    if (settled) break;
    ({ text, stamp } = again);
    found = inspectFile(path, text);
  }
  const { header, events, problem, appendable } = found;
  if (problem?.torn && !settled) return { header, events, appendable: true };
  if (!problem) return { header, events, appendable };
  const hint = damageHint(path, events.length, headerTrusted(problem, header));
  return { header, events, problem: { ...problem, hint }, appendable };
}

/**
 * The copy says, in its own chain, what it was made from and what was left behind: without it, a
 * copy of a tampered file would verify intact with no trace of the tampering.
 */
function provenance(path: string, digest: FileDigest | undefined, header: EvidenceHeader, events: readonly EvidenceEvent[], problem: DamageProblem | undefined): EvidenceEvent {
  const source = `${basename(path)}${digest ? ` (sha256 ${digest.sha256})` : ''}`;
  const what = problem
    ? `it is damaged at seq ${problem.seq} (${problem.message}): the ${plural(events.length, 'intact event')} before it ${events.length === 1 ? 'is' : 'are'} carried over, nothing from seq ${problem.seq} on`
    : `it is intact but was rewritten by another tool: its ${plural(events.length, 'event')} ${events.length === 1 ? 'is' : 'are'} carried over in cutover's layout`;
  const prev = events.at(-1)?.hash ?? headerHash(header);
  return sealEvent(events.length + 1, new Date().toISOString(), 'cutover', { type: 'note.added', text: `recovered copy of ${source}: ${what}` }, prev);
}

/**
 * Writes `<sessionId>.recovered-<n>.json` (n = intact events) beside the file, holding its header and
 * intact events in this tool's layout (the prefix of a chain is a valid chain), and returns its path.
 * Run logs stay where they are: they live under `<sessionId>.runs/`, shared by both files.
 */
export async function writeRecoveredCopy(path: string): Promise<string> {
  const { header, events, problem } = await readEvidence(path);
  if (!isIntactHeader(header) || problem?.headerUntrusted) {
    // A copy would carry the edited header in a chain of its own making: the edit, laundered.
    throw new CutoverError(`cannot recover ${path}: its header is damaged or was edited, so neither it nor any event can be trusted`, 1);
  }
  const base = SAFE_NAME.test(header.sessionId ?? '') ? header.sessionId : basename(path, '.json');
  const text = renderDocument(header, [...events, provenance(path, await sha256File(path), header, events, problem)]);
  for (let attempt = 1; ; attempt++) {
    const name = `${base}.recovered-${events.length}${attempt > 1 ? `-${attempt}` : ''}.json`;
    const target = join(dirname(resolve(path)), name);
    try {
      await writeFileDurable(target, text, { mode: 0o600, noClobber: true });
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
      const why = `cannot write a recovered copy of ${path} beside it: ${fileErrorReason(error)}`;
      throw new CutoverError(why, EXIT.usage, 'copy the evidence folder (the file, its .runs folder and its checklist snapshot) somewhere writable and recover there');
    }
  }
}
