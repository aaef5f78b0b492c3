// The shape of a folded session, and the type every group of the reducer's cases is written to.
import type { DecisionKind, EventOf, EventType, EvidenceHeader, ItemMark } from './events.js';

export type ItemStatusView = ItemMark | 'pending' | 'running' | 'interrupted';

export interface RunState {
  runId: string;
  section: string;
  item: string;
  pass: number;
  command: string;
  edited: boolean;
  purpose: 'check' | 'inject' | 'watch';
  log: string;
  startedAt: string;
  startedSeq: number;
  finished?: EventOf<'command.finished'>;
  interrupted?: EventOf<'command.interrupted'>;
  /** started, never finished, and no interruption recorded: the process died mid-run. */
  inFlight: boolean;
}

export interface ItemState {
  section: string;
  item: string;
  pass: number;
  status: ItemStatusView;
  note: string;
  markedAt?: string;
  /**
   * The latest result a finished run or a mark gave the item in this pass: a run started again, or
   * cut short, after it is no new result (a gate that failed has not passed while it re-runs).
   */
  result?: { status: ItemMark; at: string };
  runIds: string[];
  lastRunId?: string;
  /** Index in runIds where the latest soak began; a soak ends when its result marks the item. */
  soakFrom?: number;
  soakOpen?: boolean;
  /** Marked not run because its section was locked (a headless run counts it as failed). */
  locked?: true;
}

export interface Incident {
  incidentId: string;
  severity: string;
  title: string;
  description: string;
  declaredAt: string;
  section?: string;
  item?: string;
  resolvedAt?: string;
  resolution?: string;
}

export interface SessionState {
  header: EvidenceHeader;
  lastSeq: number;
  lastHash: string;
  startedAt: string;
  lastEventAt: string;
  t0?: string;
  roles: Record<string, { name: string; contact: string; backup: string; tbd: boolean; at: string }>;
  /** Current pass number of each section (1 unless a new pass was started, e.g. smoke after rollback). */
  passes: Record<string, number>;
  /** Item results of the current pass of each section, keyed `section/item`. */
  items: Record<string, ItemState>;
  /** Every item result ever recorded, keyed `section/item#pass`: earlier passes are kept. */
  history: Record<string, ItemState>;
  runs: Record<string, RunState>;
  runOrder: string[];
  incidents: Incident[];
  decisions: Array<{ decision: DecisionKind; reason: string; by: string; at: string }>;
  signoffs: Array<{ role: string; name: string; item?: string; note: string; at: string }>;
  notes: Array<{ section?: string; item?: string; text: string; at: string; by: string }>;
  firedRules: Record<string, { recommend: string; text: string; reason: string; at: string }>;
  overrides: Array<{ section: string; reason: string; unmet: string[]; at: string }>;
  /** A roll-forward's `requires.text`, confirmed: by the operator, or by an unattended run's flag. */
  confirmations: Array<{ section: string; texts: string[]; by: string; at: string; unattended: boolean }>;
  destructive: Array<{ section: string; item: string; outcome: 'confirmed' | 'refused'; detail: string; at: string }>;
  exports: Array<{ path: string; format: string; at: string }>;
  cursor?: { section: string; item?: string };
  closed: boolean;
  /** The latest session.resumed: what it found cut short comes after it. */
  lastResume?: { seq: number; at: string };
}

/** How one group of event types is folded into a state the caller owns (mutated in place). */
export type EventHandlers<T extends EventType> = { [K in T]: (state: SessionState, event: EventOf<K>) => void };
