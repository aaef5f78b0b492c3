// Drill timings: how long each step and section of a session took, what failed, what was refused
// and which injected faults the checks caught. Comparisons live in drill-compare.ts.
import type { Checklist } from './checklist-schema.js';
import type { EvidenceEvent } from './events.js';
import { activeClock } from './drill-pauses.js';

export { compareDrills, describeDelta, type Comparison, type DrillComparison } from './drill-compare.js';

export interface DrillTimings {
  sessionId: string;
  startedAt: string;
  ticket: string;
  operator: string;
  checklistVersion: string;
  /** A session.closed is its last word: the drill was finished, not left open or interrupted. */
  finished: boolean;
  /** Wall time with the gaps before each resume (the session was not open) left out. */
  totalMs: number;
  /** The gaps before each resume, not counted anywhere. */
  pausedMs: number;
  /** Sum of the rollback sections walked; absent when none was walked. */
  rollbackMs?: number;
  /** Sum of the roll-forward sections walked; absent when none was walked. */
  rollforwardMs?: number;
  /** Failed steps (an item in one pass), not counting a failure an injected fault caused. */
  failures: number;
  /** "section/item", or "section/item (pass 2)" for a later pass. */
  failedSteps: string[];
  /** Those of `failedSteps` whose last result in that pass was a pass (run again after a fix, or flaky). */
  passedWhenRerun: string[];
  /** Destructive steps refused because the drill did not allow them. */
  refusedSteps: string[];
  /** Faults injected before a step, and whether that step's check then failed (caught it). */
  injectedFaults: Array<{ step: string; caught: boolean }>;
  /** Steps whose fault injection command failed every time: no fault was injected, none rehearsed. */
  injectionsFailed: string[];
  sections: Record<string, number>;
  items: Record<string, number>;
}

interface Segment {
  start: number;
  end: number;
}

/** A step in one pass: the stretches of time spent on it, each ended when another step was worked on. */
interface StepSpan {
  section: string;
  item: string;
  pass: number;
  segments: Segment[];
}

interface DrillHeader {
  sessionId: string;
  createdAt: string;
  ticket: string;
  operator: string;
  checklist?: { version: string };
}

// Events that are not something the operator finished: they do not start the next manual step's time.
const NOT_AN_ACTION = new Set<EvidenceEvent['type']>(['cursor.moved', 'rule.fired', 'rule.cleared', 'note.added', 'exported', 'session.closed', 'command.started', 'command.interrupted', 'destructive.confirmed', 'destructive.refused']);

const stepName = (span: { section: string; item: string; pass: number }): string => `${span.section}/${span.item}${span.pass > 1 ? ` (pass ${span.pass})` : ''}`;

function stepOf(event: EvidenceEvent): { section: string; item: string; pass: number } | undefined {
  if (event.type === 'command.started' || event.type === 'item.marked') return { section: event.section, item: event.item, pass: event.pass };
  return undefined;
}

/**
 * The steps walked, each with its segments: a command step's from its start, a manual one's from the
 * operator's previous action. Working on another step ends a segment, so a check re-run after the
 * step that fixed it does not count that step's time twice.
 */
function stepSpans(events: readonly EvidenceEvent[]) {
  const spans = new Map<string, StepSpan>();
  const runSegment = new Map<string, { key: string; segment: Segment }>();
  const injectRun = new Map<string, string>();
  const failed = new Set<string>();
  const lastResult = new Map<string, string>();
  const injected = new Set<string>();
  const attempted = new Set<string>();
  let lastAction = events[0] ? Date.parse(events[0].ts) : 0;
  let lastStep: string | undefined;
  for (const event of events) {
    const ts = Date.parse(event.ts);
    const ref = stepOf(event);
    // a manual step that a headless run (or a refused destructive step) did not run was not walked
    if (ref && !(event.type === 'item.marked' && event.status === 'not-run' && !spans.has(stepName(ref)))) {
      const key = stepName(ref);
      if (event.type === 'command.started' && event.purpose === 'inject') {
        injectRun.set(event.runId, key);
        attempted.add(key);
        continue;
      }
      const span = spans.get(key) ?? { ...ref, segments: [] };
      spans.set(key, span);
      let segment = span.segments.at(-1);
      if (!segment || lastStep !== key) {
        segment = { start: event.type === 'command.started' ? ts : lastAction, end: ts };
        span.segments.push(segment);
      }
      segment.end = Math.max(segment.end, ts);
      lastStep = key;
      if (event.type === 'command.started') runSegment.set(event.runId, { key, segment });
      if (event.type === 'item.marked') lastResult.set(key, event.status);
      if (event.type === 'item.marked' && event.status === 'fail') failed.add(key);
    } else if (event.type === 'command.finished') {
      const injectedInto = injectRun.get(event.runId);
      if (injectedInto !== undefined && event.result === 'pass') injected.add(injectedInto);
      const run = runSegment.get(event.runId);
      if (!run) continue; // an injected fault's own run
      run.segment.end = Math.max(run.segment.end, ts);
      lastResult.set(run.key, event.result);
      if (event.result === 'fail') failed.add(run.key);
    }
    if (!NOT_AN_ACTION.has(event.type)) lastAction = ts;
  }
  return { spans: [...spans.values()], failed, lastResult, injected, injectionsFailed: [...attempted].filter((key) => !injected.has(key)) };
}

/**
 * An item's time is the sum of its segments over its passes; a section's, the sum over its passes of
 * first start to last end. Gaps before a resume (the session was not open) count nowhere.
 */
export function drillTimings(checklist: Checklist, header: DrillHeader, events: readonly EvidenceEvent[]): DrillTimings {
  const clock = activeClock(events);
  const { spans, failed, lastResult, injected, injectionsFailed } = stepSpans(events);
  const items: Record<string, number> = {};
  const sectionPasses = new Map<string, { section: string; start: number; end: number }>();
  for (const span of spans) {
    items[span.item] = span.segments.reduce((ms, s) => ms + clock.between(s.start, s.end), items[span.item] ?? 0);
    const start = Math.min(...span.segments.map((s) => s.start));
    const end = Math.max(...span.segments.map((s) => s.end));
    const key = `${span.section}#${span.pass}`;
    const pass = sectionPasses.get(key);
    sectionPasses.set(key, { section: span.section, start: Math.min(pass?.start ?? start, start), end: Math.max(pass?.end ?? end, end) });
  }
  const sections: Record<string, number> = {};
  for (const pass of sectionPasses.values()) sections[pass.section] = (sections[pass.section] ?? 0) + clock.between(pass.start, pass.end);
  const walked = (kind: string): number | undefined => {
    const ids = checklist.sections.filter((s) => s.kind === kind && sections[s.id] !== undefined).map((s) => s.id);
    return ids.length ? ids.reduce((sum, id) => sum + (sections[id] ?? 0), 0) : undefined;
  };
  const rollbackMs = walked('rollback');
  const rollforwardMs = walked('rollforward');
  const failedSteps = [...failed].filter((step) => !injected.has(step));
  const refusedSteps = [...new Set(events.flatMap((e) => (e.type === 'destructive.refused' ? [`${e.section}/${e.item}`] : [])))];
  const closing = events.findLast((e) => e.type === 'session.closed' || e.type === 'session.resumed');
  return {
    sessionId: header.sessionId,
    startedAt: header.createdAt,
    ticket: header.ticket,
    operator: header.operator,
    checklistVersion: header.checklist?.version ?? checklist.version,
    finished: closing?.type === 'session.closed',
    totalMs: clock.total,
    pausedMs: clock.paused,
    ...(rollbackMs === undefined ? {} : { rollbackMs }),
    ...(rollforwardMs === undefined ? {} : { rollforwardMs }),
    failures: failedSteps.length,
    failedSteps,
    passedWhenRerun: failedSteps.filter((step) => lastResult.get(step) === 'pass'),
    refusedSteps,
    injectedFaults: [...injected].map((step) => ({ step, caught: failed.has(step) })),
    injectionsFailed,
    sections,
    items,
  };
}
