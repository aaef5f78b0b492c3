// Creating and reopening sessions: everything that happens before the first operator action.
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { Checklist } from '../domain/checklist-schema.js';
import { shellQuote } from '../domain/command-template.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import type { EvidenceHeader, SessionMode } from '../domain/events.js';
import { createRedactor, type Redactor } from '../domain/redaction.js';
import { oneLine } from '../domain/plain-text.js';
import { isSecretVariable } from '../domain/secret-variables.js';
import { recordableVariables, resolveDeclaredVariables, secretValues } from '../domain/session-variables.js';
import { redactDeep } from '../domain/redact-event.js';
import { loadChecklist, resolveChecklistRef, type LoadedChecklist } from './checklist-loader.js';
import { readChecklistSnapshot, snapshotOf } from './checklist-snapshot.js';
import { EvidenceStore, newSessionId } from './evidence-store.js';
import { sha256SmallFileSync } from './sha256-file.js';

export const TOOL_VERSION = process.env.CUTOVER_VERSION ?? '0.0.0-dev';

export interface StartOptions {
  checklistPath: string;
  evidenceDir: string;
  ticket: string;
  environment: string;
  operator: string;
  mode: SessionMode;
  variables: Record<string, string>;
  allowDestructive?: boolean;
  /** Drill: items whose declared fault is injected before their next run. */
  inject?: string[];
  /** The checklist at checklistPath, when the caller has already loaded it (parsing a large one twice is slow). */
  loaded?: LoadedChecklist;
}

export interface Opened {
  store: EvidenceStore;
  checklist: Checklist;
  checklistDir: string;
  variables: Record<string, string>;
  /** Secret-looking environment values, secret variables and token shapes: redacted from all that is stored. */
  redactor: Redactor;
}

export function sessionRedactor(checklist: Checklist, variables: Record<string, string>): Redactor {
  return createRedactor({ env: process.env, secrets: secretValues(checklist, variables) });
}

/** Refuses --inject before anything is recorded: only in a drill, only items that declare a fault. */
function checkInjections(checklist: Checklist, mode: SessionMode, inject: string[]): void {
  if (inject.length === 0) return;
  if (mode !== 'drill') throw new CutoverError('--inject only works in a drill', EXIT.usage, 'add --drill');
  const injectable = checklist.sections.flatMap((s) => s.items.filter((i) => i.drill?.inject).map((i) => i.id));
  const unknown = inject.filter((id) => !injectable.includes(id));
  if (unknown.length) {
    throw new CutoverError(`cannot inject ${unknown.join(', ')}: no such item with a drill fault (drill.inject)`, EXIT.usage, injectable.length ? `items with a fault: ${injectable.join(', ')}` : 'this checklist declares no faults');
  }
}

async function requireEvidenceDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new CutoverError(`evidence directory ${dir} is not a directory`, EXIT.usage, 'pass --evidence-dir DIR (or set CUTOVER_EVIDENCE_DIR) to a folder');
}

/** Ticket, environment and operator are shown on every screen and report: printable text only. */
function checkPrintable(fields: Record<string, string>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (!value.trim()) throw new CutoverError(`the ${name} is empty: every event and report names it`, EXIT.usage);
    if (oneLine(value) !== value) throw new CutoverError(`the ${name} contains a control character (an escape sequence or a line break): give it as plain text`, EXIT.usage);
  }
}

export async function createSession(opts: StartOptions): Promise<Opened> {
  checkPrintable({ ticket: opts.ticket, environment: opts.environment, operator: opts.operator });
  await requireEvidenceDir(opts.evidenceDir);
  const loaded = opts.loaded ?? (await loadChecklist(await resolveChecklistRef(opts.checklistPath)));
  const { checklist } = loaded;
  const variables = resolveDeclaredVariables(checklist, opts.variables);
  checkInjections(checklist, opts.mode, opts.inject ?? []);
  const sessionId = newSessionId(checklist.id);
  const redactor = sessionRedactor(checklist, variables);
  const snapshot = await snapshotOf(loaded, redactor);
  const header: EvidenceHeader = {
    format: 'cutover-evidence/1',
    sessionId,
    toolVersion: TOOL_VERSION,
    createdAt: new Date().toISOString(),
    checklist: {
      id: checklist.id,
      title: checklist.title,
      version: checklist.version,
      sha256: loaded.sha256,
      path: loaded.path,
      snapshot: `${sessionId}.checklist.${snapshot.format}`,
      ...(snapshot.sha256 ? { snapshotSha256: snapshot.sha256, snapshotRedactions: snapshot.redactions } : {}),
    },
    host: hostname(),
    operator: opts.operator,
    ticket: opts.ticket,
    environment: opts.environment,
    mode: opts.mode,
    variables: redactDeep(redactor, recordableVariables(checklist, variables)),
  };
  const store = await EvidenceStore.create(resolve(opts.evidenceDir), header, snapshot.source);
  return { store, checklist, checklistDir: dirname(loaded.path), variables, redactor };
}

/**
 * The snapshot of a checklist that held secrets has them redacted, so its commands cannot run as
 * written: a resume reads the original file, provided it is still the very file the session used.
 */
async function readOriginal(header: EvidenceHeader): Promise<{ checklist?: Checklist; problem?: string }> {
  const { path, sha256, snapshotRedactions } = header.checklist;
  const loaded = await loadChecklist(path).catch(() => undefined);
  if (loaded?.sha256 === sha256) return { checklist: loaded.checklist };
  const secrets = `${snapshotRedactions} secret${snapshotRedactions === 1 ? '' : 's'}`;
  throw new CutoverError(
    `this session's checklist held ${secrets}, redacted from its snapshot; resuming needs the original ${path} as it was, and it is ${loaded ? 'changed' : 'missing'}`,
    EXIT.failed,
    'put the original checklist back at that path (the evidence can still be verified, reported and exported)',
  );
}

/** What to do about a missing or damaged snapshot: the file it was taken from, if still byte for byte the same, can stand in. */
function snapshotHint(dir: string, header: EvidenceHeader): string {
  const { path, sha256, snapshot, snapshotRedactions } = header.checklist;
  // A redacted snapshot differs from its file by design: the file holds secrets the evidence must not.
  const original = isAbsolute(path) && !snapshotRedactions ? sha256SmallFileSync(path) : undefined;
  if (typeof original === 'object' && original.sha256 === sha256) {
    return `${path} is the checklist this session started from, unchanged (same sha256): copy it back with cp ${shellQuote(path)} ${shellQuote(join(dir, snapshot))} to resume`;
  }
  return 'the evidence can still be verified and reported, but not resumed';
}

/** Reopens an evidence file: the checklist comes from the snapshot, exactly as it was used. */
export async function reopenSession(evidencePath: string, given: Record<string, string>): Promise<Opened> {
  const store = await EvidenceStore.open(resolve(evidencePath));
  try {
    const { checklist, problem } = store.header.checklist.snapshotRedactions ? await readOriginal(store.header) : await readChecklistSnapshot(store.dir, store.header);
    if (!checklist) throw new CutoverError(problem ?? 'checklist snapshot unreadable', EXIT.failed, snapshotHint(store.dir, store.header));
    const recorded = store.header.variables;
    const variables: Record<string, string> = {};
    for (const variable of checklist.variables) {
      // A value the header holds redacted (a secret, or a token-shaped value) must be given again.
      const stored = recorded[variable.name];
      const redacted = stored === undefined || (isSecretVariable(variable) && stored !== '') || stored.includes('[REDACTED:');
      const value = given[variable.name] ?? (redacted ? variable.default : stored);
      if (value !== undefined) variables[variable.name] = value;
    }
    const ext = extname(store.header.checklist.path);
    const checklistDir = ext ? dirname(store.header.checklist.path) : store.dir;
    return { store, checklist, checklistDir, variables, redactor: sessionRedactor(checklist, variables) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
