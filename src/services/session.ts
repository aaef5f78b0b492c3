// A cutover session: the operations an operator (or a headless run) performs, each recorded as a
// durable evidence event before it resolves. The TUI and headless runs both go through this.
// The operations live in session-*.ts by what they are about; this class is their one front.
import { userInfo } from 'node:os';
import type { Checklist, ChecklistRole, ChecklistSection, ChecklistVariable } from '../domain/checklist-schema.js';
import type { DecisionKind, EventBody, ItemMark } from '../domain/events.js';
import type { Redactor } from '../domain/redaction.js';
import { redactDeep } from '../domain/redact-event.js';
import type { Incident, RunState, SessionState } from '../domain/session-state.js';
import { missingRoles, unconfirmedRequirements, unmetRequirements } from '../domain/section-requirements.js';
import { evaluateRules, type Evaluation } from '../domain/severity-rules.js';
import type { EvidenceStore } from './evidence-store.js';
import { confirmRequirements, declareIncident, recordOverride, resolveIncident, syncRules, type IncidentInput } from './session-incidents.js';
import { findItem, findSection, injectFault, markItem, requireItem, startNewPass, type FoundItem } from './session-items.js';
import { exportBundle } from './session-lazy-modules.js';
import { createSession, reopenSession, type Opened, type StartOptions } from './session-open.js';
import { latestUnfinishedSession, recordResume, type ResumeOptions } from './session-resume.js';
import { assignRole, markT0, signOff, type RoleHolder } from './session-roles.js';
import { executeItem, renderSessionCommand, type RunItemOptions } from './session-runs.js';
import { runWatchLoop, type WatchOptions } from './session-soak.js';
import { missingSecrets, provideSecret } from './session-secrets.js';

export type { ResumeOptions, RunItemOptions, StartOptions, WatchOptions };
export { preloadSessionModules } from './session-lazy-modules.js';

export class CutoverSession {
  readonly checklist: Checklist;
  readonly store: EvidenceStore;
  readonly operator: string;
  readonly checklistDir: string;
  readonly allowDestructive: boolean;
  readonly variables: Record<string, string>;
  /** Rebuilt when a secret is given again after a resume (provideSecret). */
  redactor: Redactor;
  private readonly listeners = new Set<(state: SessionState) => void>();
  /** Drill faults armed with --inject: each fires once, before its item's next run. */
  readonly armedFaults = new Set<string>();

  private constructor(opened: Opened, operator: string, allowDestructive: boolean) {
    this.store = opened.store;
    this.checklist = opened.checklist;
    this.checklistDir = opened.checklistDir;
    this.variables = opened.variables;
    this.operator = operator;
    this.allowDestructive = allowDestructive;
    this.redactor = opened.redactor;
  }

  static async start(opts: StartOptions): Promise<CutoverSession> {
    const opened = await createSession(opts);
    const session = new CutoverSession(opened, opts.operator, opts.allowDestructive ?? false);
    await session.append({ type: 'session.started', pid: process.pid, argv: process.argv.slice(2) });
    for (const itemId of opts.inject ?? []) session.armedFaults.add(itemId);
    return session;
  }

  static async resume(evidencePath: string, opts: ResumeOptions = {}): Promise<CutoverSession> {
    const opened = await reopenSession(evidencePath, opts.variables ?? {});
    const operator = opts.operator ?? opened.store.header.operator ?? userInfo().username;
    const session = new CutoverSession(opened, operator, opts.allowDestructive ?? false);
    await recordResume(session);
    return session;
  }

  /** Path of the most recent session that was not finished, if any. */
  static latestUnfinished(evidenceDir: string): Promise<string | undefined> {
    return latestUnfinishedSession(evidenceDir);
  }

  get state(): SessionState {
    return this.store.state;
  }
  get evidencePath(): string {
    return this.store.path;
  }
  get evidenceDir(): string {
    return this.store.dir;
  }
  get sessionId(): string {
    return this.store.sessionId;
  }
  get mode(): 'live' | 'drill' {
    return this.store.header.mode;
  }
  get evaluation(): Evaluation {
    return evaluateRules(this.checklist, this.state);
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends one event, every string redacted, durably (`defer`: see EvidenceStore.append); subscribers hear once it is on disk. */
  async append(body: EventBody, options: { defer?: boolean } = {}): Promise<void> {
    await this.store.append(redactDeep(this.redactor, body), this.operator, options);
    const notify = (): void => this.listeners.forEach((listener) => listener(this.state));
    if (options.defer) this.store.whenDurable(notify);
    else notify();
  }

  // Reading the checklist, and what it still asks for.
  section(id: string): ChecklistSection | undefined {
    return findSection(this.checklist, id);
  }
  findItem(itemId: string): FoundItem | undefined {
    return findItem(this.checklist, itemId);
  }
  requireItem(sectionId: string, itemId: string): FoundItem {
    return requireItem(this.checklist, sectionId, itemId);
  }
  renderCommand(sectionId: string, itemId: string): string | undefined {
    const { item } = this.requireItem(sectionId, itemId);
    return item.run === undefined ? undefined : this.render(item.run);
  }
  render(template: string): string {
    return renderSessionCommand(this, template);
  }
  /** Secret variables this session has no value for: a resume does not have them (they are never stored). */
  missingSecrets(): ChecklistVariable[] {
    return missingSecrets(this);
  }
  /** A secret given again after a resume: used by commands from now on, and redacted like the others. */
  provideSecret(name: string, value: string): void {
    provideSecret(this, name, value);
  }
  missingRoles(): ChecklistRole[] {
    return missingRoles(this.checklist, this.state);
  }
  unmetRequirements(sectionId: string): string[] {
    return unmetRequirements(this.checklist, this.state, sectionId);
  }
  /** The section's `requires.text` still to be confirmed (an override does not cover them). */
  unconfirmedRequirements(sectionId: string): string[] {
    return unconfirmedRequirements(this.checklist, this.state, sectionId);
  }
  /** Whether anything stands between the operator and the section's items. */
  isLocked(sectionId: string): boolean {
    return this.unmetRequirements(sectionId).length > 0 || this.unconfirmedRequirements(sectionId).length > 0;
  }

  // Items: session-runs.ts, session-items.ts.
  runItem(sectionId: string, itemId: string, opts: RunItemOptions = {}): Promise<RunState> {
    return executeItem(this, sectionId, itemId, 'check', opts);
  }
  injectFault(itemId: string, opts: RunItemOptions = {}): Promise<RunState> {
    return injectFault(this, itemId, opts);
  }
  runWatch(sectionId: string, itemId: string, opts: WatchOptions = {}): Promise<RunState[]> {
    return runWatchLoop(this, sectionId, itemId, opts);
  }
  /** `locked`: not run because the section's requirements are unmet. */
  markItem(sectionId: string, itemId: string, status: ItemMark, note = '', locked?: true): Promise<void> {
    return markItem(this, sectionId, itemId, status, note, locked);
  }
  startNewPass(sectionId: string, reason: string): Promise<number> {
    return startNewPass(this, sectionId, reason);
  }

  // People and problems: session-roles.ts, session-incidents.ts.
  assignRole(roleId: string, who: RoleHolder): Promise<void> {
    return assignRole(this, roleId, who);
  }
  signOff(roleId: string, name: string, note = '', itemId?: string): Promise<void> {
    return signOff(this, roleId, name, note, itemId);
  }
  markT0(note?: string): Promise<void> {
    return markT0(this, note);
  }
  declareIncident(input: IncidentInput): Promise<Incident> {
    return declareIncident(this, input);
  }
  resolveIncident(incidentId: string, note = ''): Promise<void> {
    return resolveIncident(this, incidentId, note);
  }
  recordOverride(sectionId: string, reason: string): Promise<void> {
    return recordOverride(this, sectionId, reason);
  }
  confirmRequirements(sectionId: string, opts: { unattended?: boolean } = {}): Promise<void> {
    return confirmRequirements(this, sectionId, opts);
  }
  syncRules(): Promise<void> {
    return syncRules(this);
  }
  async decide(decision: DecisionKind, reason: string): Promise<void> {
    await this.append({ type: 'decision.taken', decision, reason });
  }

  async addNote(text: string, sectionId?: string, itemId?: string): Promise<void> {
    await this.append({ type: 'note.added', text, ...(sectionId ? { section: sectionId } : {}), ...(itemId ? { item: itemId } : {}) });
  }

  async moveCursor(sectionId: string, itemId?: string): Promise<void> {
    const cursor = this.state.cursor;
    if (cursor?.section === sectionId && cursor.item === itemId) return;
    await this.append({ type: 'cursor.moved', section: sectionId, ...(itemId ? { item: itemId } : {}) });
  }

  exportBundle(output?: string): Promise<{ path: string }> {
    return exportBundle(this, output);
  }

  async finish(reason = ''): Promise<void> {
    await this.append({ type: 'session.closed', reason });
  }

  /** Records that this process stops recording without finishing the session (a quit, a signal): it stays resumable. */
  async leave(reason: string): Promise<void> {
    if (!this.state.closed) await this.append({ type: 'session.left', reason });
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
