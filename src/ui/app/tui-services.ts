// What the screens need from outside a session: finding checklists and sessions, starting and
// resuming, and paging through run logs. Tests pass their own; the CLI passes these. Each
// service module is imported when first used, so the first frame does not wait for them.
import type { Checklist } from '../../domain/checklist-schema.js';
import type { DrillTimings } from '../../domain/drill-timings.js';
import type { FoundChecklist } from '../../services/checklist-loader.js';
import type { SessionSummary } from '../../services/evidence-list.js';
import type { LogPage } from '../../services/log-pages.js';
import { keptImport } from '../../services/kept-import.js';
import type { CutoverSession, StartOptions } from '../../services/session.js';

export type { FoundChecklist, SessionSummary, LogPage };

export interface LoadedForForm {
  checklist: Checklist;
  path: string;
  displayPath: string;
  /** How many of `validate`'s warnings say the file may be misread (when the full parse ran). */
  warnings?: number;
}

export interface TuiServices {
  evidenceDir: string;
  findChecklists(): Promise<FoundChecklist[]>;
  listSessions(): Promise<SessionSummary[]>;
  loadChecklist(ref: string): Promise<LoadedForForm>;
  startSession(opts: StartOptions): Promise<CutoverSession>;
  resumeSession(evidencePath: string): Promise<CutoverSession>;
  readLogLines(path: string, from: number, count: number): Promise<LogPage>;
  logLineStartBefore(path: string, to: number, count: number): Promise<number>;
  /** Timings of the drills of a checklist in an evidence directory but one session, oldest first. */
  loadDrillHistory(evidenceDir: string, checklistId: string, excludeSessionId: string): Promise<DrillTimings[]>;
  /** Loads the modules the session will need, after the first frame: a package upgraded while
   * the TUI runs cannot then break an export half-way through the night. */
  warmUp?(): Promise<void>;
}

export interface SessionDefaults {
  allowDestructive?: boolean;
  /** Drill faults to inject before their items' next run (`open --inject`). */
  inject?: string[];
  /** Values of secret variables for a resumed session (they are never stored). */
  variables?: Record<string, string>;
  operator?: string;
}

export function defaultServices(evidenceDir: string, defaults: SessionDefaults = {}): TuiServices {
  const loader = keptImport(() => import('../../services/checklist-loader.js'));
  const sessions = keptImport(() => import('../../services/session.js'));
  const logs = keptImport(() => import('../../services/log-pages.js'));
  const lists = keptImport(() => import('../../services/evidence-list.js'));
  const drills = keptImport(() => import('../../services/drill-history.js'));
  return {
    evidenceDir,
    findChecklists: async () => (await loader()).findChecklists(),
    listSessions: async () => (await lists()).listSessions(evidenceDir),
    loadChecklist: async (ref) => {
      const { loadChecklist, resolveChecklistRef } = await loader();
      return loadChecklist(await resolveChecklistRef(ref));
    },
    startSession: async (opts) => (await sessions()).CutoverSession.start({ allowDestructive: defaults.allowDestructive, inject: defaults.inject, ...opts }),
    resumeSession: async (path) =>
      (await sessions()).CutoverSession.resume(path, { allowDestructive: defaults.allowDestructive, variables: defaults.variables, operator: defaults.operator }),
    readLogLines: async (path, from, count) => (await logs()).readLinesFrom(path, from, count),
    logLineStartBefore: async (path, to, count) => (await logs()).lineStartBefore(path, to, count),
    loadDrillHistory: async (dir, checklistId, exclude) => (await drills()).loadDrillHistory(dir, checklistId, exclude),
    warmUp: async () => {
      await Promise.allSettled([loader(), logs(), lists(), drills(), sessions().then((m) => m.preloadSessionModules())]);
    },
  };
}
