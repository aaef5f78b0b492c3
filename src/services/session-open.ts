// Creating and reopening sessions: everything that happens before the first operator action.
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, extname, resolve } from 'node:path';
import type { Checklist } from '../domain/checklist-schema.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import type { EvidenceHeader, SessionMode } from '../domain/events.js';
import { recordableVariables, resolveDeclaredVariables } from '../domain/session-variables.js';
import { loadChecklist, resolveChecklistRef, type LoadedChecklist } from './checklist-loader.js';
import { readChecklistSnapshot } from './checklist-snapshot.js';
import { EvidenceStore, newSessionId } from './evidence-store.js';

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

export async function createSession(opts: StartOptions): Promise<Opened> {
  await requireEvidenceDir(opts.evidenceDir);
  const loaded = opts.loaded ?? (await loadChecklist(await resolveChecklistRef(opts.checklistPath)));
  const { checklist } = loaded;
  const variables = resolveDeclaredVariables(checklist, opts.variables);
  checkInjections(checklist, opts.mode, opts.inject ?? []);
  const sessionId = newSessionId(checklist.id);
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
      snapshot: `${sessionId}.checklist.${loaded.format}`,
    },
    host: hostname(),
    operator: opts.operator,
    ticket: opts.ticket,
    environment: opts.environment,
    mode: opts.mode,
    variables: recordableVariables(checklist, variables),
  };
  const store = await EvidenceStore.create(resolve(opts.evidenceDir), header, loaded.source);
  return { store, checklist, checklistDir: dirname(loaded.path), variables };
}

/** Reopens an evidence file: the checklist comes from the snapshot, exactly as it was used. */
export async function reopenSession(evidencePath: string, given: Record<string, string>): Promise<Opened> {
  const store = await EvidenceStore.open(resolve(evidencePath));
  try {
    const { checklist, problem } = await readChecklistSnapshot(store.dir, store.header);
    if (!checklist) throw new CutoverError(problem ?? 'checklist snapshot unreadable', EXIT.failed, 'the evidence can still be verified and reported, but not resumed');
    const recorded = store.header.variables;
    const variables: Record<string, string> = {};
    for (const variable of checklist.variables) {
      const value = given[variable.name] ?? (variable.secret ? undefined : recorded[variable.name]);
      if (value !== undefined) variables[variable.name] = value;
    }
    const ext = extname(store.header.checklist.path);
    const checklistDir = ext ? dirname(store.header.checklist.path) : store.dir;
    return { store, checklist, checklistDir, variables };
  } catch (error) {
    await store.close();
    throw error;
  }
}
