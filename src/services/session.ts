// A cutover session: the operations an operator (or a headless run) performs, each recorded as a
// durable evidence event before it resolves. The TUI and headless runs both go through this.
import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Checklist, ChecklistItem, ChecklistRole, ChecklistSection, ChecklistVariable } from '../domain/checklist-schema.js';
import { isSecretVariable } from '../domain/secret-variables.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import type { DecisionKind, EventBody, ItemMark } from '../domain/events.js';
import type { Redactor } from '../domain/redaction.js';
import { redactDeep } from '../domain/redact-event.js';
import { currentPass, inFlightRuns, type Incident, type RunState, type SessionState } from '../domain/session-state.js';
import { missingRoles, unmetRequirements } from '../domain/section-requirements.js';
import { evaluateRules, ruleChanges, type Evaluation } from '../domain/severity-rules.js';
import { listSessions, type EvidenceStore } from './evidence-store.js';
import { summarizeLog } from './runner.js';
import { executeItem, renderSessionCommand, runWatchLoop, type RunItemOptions, type WatchOptions } from './session-runs.js';
import { createSession, reopenSession, sessionRedactor, type Opened, type StartOptions } from './session-open.js';
import { checklistParser } from './checklist-parser.js';
import { keptImport } from './kept-import.js';

export type { RunItemOptions, StartOptions, WatchOptions };

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

  static async resume(
    evidencePath: string,
    opts: { operator?: string; variables?: Record<string, string>; allowDestructive?: boolean } = {},
  ): Promise<CutoverSession> {
    const opened = await reopenSession(evidencePath, opts.variables ?? {});
    const operator = opts.operator ?? opened.store.header.operator ?? userInfo().username;
    const session = new CutoverSession(opened, operator, opts.allowDestructive ?? false);
    await session.refuseSpecialRunLogs();
    await session.append({ type: 'session.resumed', pid: process.pid });
    for (const run of inFlightRuns(session.state)) {
      const summary = await summarizeLog(session.store.runLogPath(run.runId));
      await session.append({ type: 'command.interrupted', runId: run.runId, ...summary, reason: 'the process recording this run ended before the run finished' });
    }
    return session;
  }

  /**
   * An unfinished run's log is read whole to record what reached it: a FIFO or a device put in its
   * place would be read forever. Refused before anything is recorded, and the lock let go.
   */
  private async refuseSpecialRunLogs(): Promise<void> {
    for (const run of inFlightRuns(this.state)) {
      const log = this.store.runLogPath(run.runId);
      const info = await stat(log).catch(() => undefined);
      if (info && !info.isFile()) {
        await this.close();
        throw new CutoverError(`cannot resume: the log of unfinished run ${run.runId} (${log}) is not a regular file`, EXIT.failed, 'move it away; `cutover verify` and `cutover report` still read the evidence');
      }
    }
  }

  /** Path of the most recent session that was not finished, if any. */
  static async latestUnfinished(evidenceDir: string): Promise<string | undefined> {
    const sessions = await listSessions(evidenceDir);
    return sessions.find((s) => !s.closed && !s.problem)?.path;
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

  section(id: string): ChecklistSection | undefined {
    return this.checklist.sections.find((s) => s.id === id);
  }

  findItem(itemId: string): { section: ChecklistSection; item: ChecklistItem } | undefined {
    for (const section of this.checklist.sections) {
      const item = section.items.find((i) => i.id === itemId);
      if (item) return { section, item };
    }
    return undefined;
  }

  requireItem(sectionId: string, itemId: string): { section: ChecklistSection; item: ChecklistItem } {
    const section = this.section(sectionId);
    const item = section?.items.find((i) => i.id === itemId);
    if (!section || !item) throw new CutoverError(`no item ${sectionId}/${itemId} in checklist ${this.checklist.id}`, EXIT.usage);
    return { section, item };
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
    return this.checklist.variables.filter((v) => isSecretVariable(v) && this.variables[v.name] === undefined);
  }

  /** A secret given again after a resume: used by commands from now on, and redacted like the others. */
  provideSecret(name: string, value: string): void {
    const variable = this.missingSecrets().find((v) => v.name === name);
    if (!variable) throw new CutoverError(`${name} is not a secret this session is missing`, EXIT.usage);
    if (!value) throw new CutoverError(`an empty value for ${name} is not kept`, EXIT.usage);
    if (variable.pattern && !new RegExp(variable.pattern).test(value)) throw new CutoverError(`the value given for ${name} does not match ${variable.pattern}`, EXIT.usage);
    this.variables[name] = value;
    this.redactor = sessionRedactor(this.checklist, this.variables);
  }

  missingRoles(): ChecklistRole[] {
    return missingRoles(this.checklist, this.state);
  }

  unmetRequirements(sectionId: string): string[] {
    return unmetRequirements(this.checklist, this.state, sectionId);
  }

  runItem(sectionId: string, itemId: string, opts: RunItemOptions = {}): Promise<RunState> {
    return executeItem(this, sectionId, itemId, 'check', opts);
  }

  async injectFault(itemId: string, opts: RunItemOptions = {}): Promise<RunState> {
    const found = this.findItem(itemId);
    if (!found?.item.drill?.inject) throw new CutoverError(`item ${itemId} declares no fault to inject (drill.inject)`, EXIT.usage);
    if (this.mode !== 'drill') throw new CutoverError('faults can only be injected in a drill (--drill)', EXIT.usage);
    return executeItem(this, found.section.id, itemId, 'inject', { ...opts, command: this.render(found.item.drill.inject) });
  }

  runWatch(sectionId: string, itemId: string, opts: WatchOptions = {}): Promise<RunState[]> {
    return runWatchLoop(this, sectionId, itemId, opts);
  }

  async markItem(sectionId: string, itemId: string, status: ItemMark, note = ''): Promise<void> {
    this.requireItem(sectionId, itemId);
    const pass = currentPass(this.state, sectionId);
    const runId = this.state.items[`${sectionId}/${itemId}`]?.lastRunId;
    await this.append({ type: 'item.marked', section: sectionId, item: itemId, pass, status, note, ...(runId ? { runId } : {}) });
    await this.syncRules();
  }

  async addNote(text: string, sectionId?: string, itemId?: string): Promise<void> {
    await this.append({ type: 'note.added', text, ...(sectionId ? { section: sectionId } : {}), ...(itemId ? { item: itemId } : {}) });
  }

  async assignRole(roleId: string, who: { name: string; contact?: string; backup?: string; tbd?: boolean }): Promise<void> {
    if (!this.checklist.roles.some((r) => r.id === roleId)) throw new CutoverError(`no role ${roleId} in checklist ${this.checklist.id}`, EXIT.usage);
    const tbd = who.tbd ?? false;
    if (!tbd && !who.name.trim()) throw new CutoverError(`role ${roleId} needs a name (or acknowledge it as TBD)`, EXIT.usage);
    await this.append({ type: 'role.assigned', role: roleId, name: tbd && !who.name.trim() ? 'TBD' : who.name.trim(), contact: who.contact ?? '', backup: who.backup ?? '', tbd });
  }

  async markT0(note?: string): Promise<void> {
    const missing = this.missingRoles();
    if (missing.length) {
      throw new CutoverError(`T0 is blocked: required role${missing.length > 1 ? 's' : ''} not filled: ${missing.map((r) => r.title).join(', ')}`, EXIT.failed, 'fill them in the roles screen, or acknowledge them as TBD');
    }
    await this.append({ type: 't0.marked', at: new Date().toISOString(), ...(note ? { note } : {}) });
  }

  async declareIncident(input: { severity: string; title: string; description?: string; section?: string; item?: string }): Promise<Incident> {
    const levels = this.checklist.severity.levels.map((l) => l.id);
    if (levels.length && !levels.includes(input.severity)) throw new CutoverError(`unknown severity ${input.severity} (levels: ${levels.join(', ')})`, EXIT.usage);
    const incidentId = `INC-${this.state.incidents.length + 1}`;
    await this.append({ type: 'incident.declared', incidentId, severity: input.severity, title: input.title, description: input.description ?? '', ...(input.section ? { section: input.section } : {}), ...(input.item ? { item: input.item } : {}) });
    await this.syncRules();
    return this.state.incidents.find((i) => i.incidentId === incidentId) as Incident;
  }

  async resolveIncident(incidentId: string, note = ''): Promise<void> {
    if (!this.state.incidents.some((i) => i.incidentId === incidentId)) throw new CutoverError(`no incident ${incidentId}`, EXIT.usage);
    await this.append({ type: 'incident.resolved', incidentId, note });
    await this.syncRules();
  }

  async decide(decision: DecisionKind, reason: string): Promise<void> {
    await this.append({ type: 'decision.taken', decision, reason });
  }

  async signOff(roleId: string, name: string, note = '', itemId?: string): Promise<void> {
    if (!this.checklist.roles.some((r) => r.id === roleId)) throw new CutoverError(`no role ${roleId} in checklist ${this.checklist.id}`, EXIT.usage);
    await this.append({ type: 'signoff.recorded', role: roleId, name, note, ...(itemId ? { item: itemId } : {}) });
  }

  async startNewPass(sectionId: string, reason: string): Promise<number> {
    if (!this.section(sectionId)) throw new CutoverError(`no section ${sectionId}`, EXIT.usage);
    const pass = currentPass(this.state, sectionId) + 1;
    await this.append({ type: 'pass.started', section: sectionId, pass, reason });
    await this.syncRules();
    return pass;
  }

  async recordOverride(sectionId: string, reason: string): Promise<void> {
    const unmet = this.unmetRequirements(sectionId);
    await this.append({ type: 'override.recorded', section: sectionId, reason, unmet });
  }

  async moveCursor(sectionId: string, itemId?: string): Promise<void> {
    const cursor = this.state.cursor;
    if (cursor?.section === sectionId && cursor.item === itemId) return;
    await this.append({ type: 'cursor.moved', section: sectionId, ...(itemId ? { item: itemId } : {}) });
  }

  async exportBundle(output?: string): Promise<{ path: string }> {
    const { exportSession } = await exportModule();
    const result = await exportSession(this.evidencePath, output);
    await this.append({ type: 'exported', path: result.path, format: result.format });
    return { path: result.path };
  }

  /** Records rule.fired / rule.cleared for every change in which rules fire. */
  async syncRules(): Promise<void> {
    for (const change of ruleChanges(this.evaluation, this.state)) await this.append(change);
  }

  async finish(reason = ''): Promise<void> {
    await this.append({ type: 'session.closed', reason });
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

/** The export, loaded on demand and then kept (see kept-import.ts); a headless run never loads it. */
const exportModule = keptImport(() => import('./export.js'));

/** Loads what a session loads on demand, so that later it needs no file of cutover's (the TUI calls it after its first frame). */
export async function preloadSessionModules(): Promise<void> {
  await Promise.all([exportModule(), checklistParser()]);
}
