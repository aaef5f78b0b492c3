// What every part of the report shares: the input, the clock (T+ offsets from T0, or from the
// session start when T0 was never marked) and how results read.
import stripAnsi from 'strip-ansi';
import type { Checklist, ChecklistItem, ChecklistSection } from './checklist-schema.js';
import type { compareDrills } from './drill-timings.js';
import { formatOffset } from './duration.js';
import type { EvidenceEvent, EvidenceHeader } from './events.js';
import type { ItemState, ItemStatusView, RunState, SessionState } from './session-state.js';
import type { Evaluation } from './severity-rules.js';

export interface RunOutput {
  head: string;
  tail: string;
  truncated: boolean;
  bytes: number;
}

export interface ReportInput {
  header: EvidenceHeader;
  state: SessionState;
  checklist: Checklist;
  events: EvidenceEvent[];
  evaluation: Evaluation;
  /** Comparison with earlier drills of the same checklist (drills history), when there are any. */
  drill?: { comparison: ReturnType<typeof compareDrills>; earlier: number };
  /** Shown in the header table. */
  evidenceFile?: string;
  /** What reached the logs of runs that never finished (read by the caller, the report is pure). */
  inFlightOutput?: Record<string, RunOutput>;
  /** Set when another process still holds the session open: its unfinished runs may be running. */
  openElsewhere?: string;
  /** The valid prefix of a damaged file is being reported: say so at the top. */
  damaged?: string;
}

export interface ReportContext extends ReportInput {
  /** `T+04:12` (or `+04:12` from the session start when T0 was never marked). */
  offset(ts: string): string;
  /** UTC wall clock: `14:03:12`, with the date when it differs from the session's first day. */
  clock(ts: string): string;
  sectionTitle(id: string): string;
  item(sectionId: string, itemId: string): { section?: ChecklistSection; item?: ChecklistItem };
}

export function createContext(input: ReportInput): ReportContext {
  const { state, checklist } = input;
  const base = Date.parse(state.t0 ?? state.startedAt);
  const firstDay = state.startedAt.slice(0, 10);
  return {
    ...input,
    offset(ts) {
      const label = formatOffset(Date.parse(ts) - base);
      return state.t0 ? label : label.slice(1);
    },
    clock(ts) {
      const day = ts.slice(0, 10);
      const time = ts.slice(11, 19);
      return day === firstDay ? time : `${day} ${time}`;
    },
    sectionTitle(id) {
      return checklist.sections.find((s) => s.id === id)?.title ?? id;
    },
    item(sectionId, itemId) {
      const section = checklist.sections.find((s) => s.id === sectionId);
      return { section, item: section?.items.find((i) => i.id === itemId) };
    },
  };
}

const STATUS_LABEL: Record<ItemStatusView, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  skip: 'SKIPPED',
  'not-run': 'NOT RUN',
  pending: 'not started',
  running: 'RUNNING',
  interrupted: 'INTERRUPTED',
};

/** An unfinished run (or soak) is interrupted unless its writer is still alive in another process. */
export function stillRunning(ctx: ReportContext): boolean {
  return !!ctx.openElsewhere;
}

export function statusLabel(ctx: ReportContext, status: ItemStatusView): string {
  if (status === 'running' && !stillRunning(ctx)) return 'INTERRUPTED';
  return STATUS_LABEL[status];
}

/**
 * A destructive item marked not run because running it was refused (a headless run without
 * --allow-destructive): the run counts it as failed, and so does the report.
 */
export function wasRefused(ctx: ReportContext, sectionId: string, itemId: string, it: ItemState | undefined): boolean {
  if (it?.status !== 'not-run' || !it.markedAt) return false;
  const markedAt = it.markedAt;
  const before = ctx.state.destructive.filter((d) => d.section === sectionId && d.item === itemId && d.at <= markedAt);
  return before.at(-1)?.outcome === 'refused';
}

/** A step not run because its section was locked (headless): the run counts it as failed, and so does the report. */
export const wasLocked = (it: ItemState | undefined): boolean => it?.status === 'not-run' && it.locked === true;

/** How an item's result reads in the report's tables and details. */
export function itemLabel(ctx: ReportContext, sectionId: string, itemId: string, it: ItemState | undefined): string {
  if (wasRefused(ctx, sectionId, itemId, it)) return 'REFUSED';
  return wasLocked(it) ? 'LOCKED' : statusLabel(ctx, it?.status ?? 'pending');
}

export function runResult(ctx: ReportContext, run: RunState): string {
  if (run.finished) {
    if (run.finished.cancelled) return 'CANCELLED';
    if (run.finished.timedOut) return 'TIMED OUT';
    return run.finished.result === 'pass' ? 'PASS' : 'FAIL';
  }
  if (run.interrupted) return 'INTERRUPTED';
  return stillRunning(ctx) ? 'RUNNING' : 'INTERRUPTED';
}

export function exitText(run: RunState): string {
  const f = run.finished;
  if (!f) return '-';
  if (f.exitCode !== null) return String(f.exitCode);
  return f.signal ? f.signal : '-';
}

/** The output a run left behind, from its event or (for an unfinished run) from its log. */
export function runOutput(ctx: ReportContext, run: RunState): RunOutput | undefined {
  if (run.finished) return { ...run.finished.excerpt, bytes: run.finished.logBytes };
  if (run.interrupted) return { ...run.interrupted.excerpt, bytes: run.interrupted.logBytes };
  return ctx.inFlightOutput?.[run.runId];
}

/**
 * Output as it should appear in a document: colours and control characters removed, and a line
 * redrawn with carriage returns (progress bars) reduced to what the terminal finally showed.
 */
export function printable(text: string): string {
  return stripAnsi(text)
    .split('\n')
    .map((line) => line.replace(/\r+$/, '').split('\r').at(-1) ?? '')
    .join('\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
