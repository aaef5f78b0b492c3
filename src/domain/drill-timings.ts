// Drill timings: how long each step and section of a session took, what failed, what was refused
// and which injected faults the checks caught. Comparisons live in drill-compare.ts.
import type { Checklist } from './checklist-schema.js';
import type { EvidenceEvent } from './events.js';
import { activeClock } from './drill-pauses.js';
import { drillSteps, type StepSpan } from './drill-steps.js';

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
  /** Smoke checks that failed while an injected fault was still in place (not counted in `failures`). */
  failedUnderFault: string[];
  /** Destructive steps refused because the drill did not allow them. */
  refusedSteps: string[];
  /** Steps a locked section kept from running (requirements not met or not confirmed) and never walked after; absent: none. */
  lockedSteps?: string[];
  /** Faults injected before a step, and whether that step's check then failed (caught it). */
  injectedFaults: Array<{ step: string; caught: boolean }>;
  /** Steps whose fault injection command failed every time: no fault was injected, none rehearsed. */
  injectionsFailed: string[];
  /** Of the faults not caught, those whose step was never run (or marked) after the injection; absent: none. */
  faultsNotChecked?: string[];
  sections: Record<string, number>;
  /** Time per item walked, by item id. */
  items: Record<string, number>;
  /** Manual items recorded as not run and never walked (a headless drill does not run them); absent: none. */
  notRun?: string[];
  /** Sections and items walked in more than one pass (smoke again after a rollback), by id; absent: one pass. */
  passes?: { sections: Record<string, number>; items: Record<string, number> };
}

interface DrillHeader {
  sessionId: string;
  createdAt: string;
  ticket: string;
  operator: string;
  checklist?: { version: string };
}

/**
 * An item's time is the sum of its segments over its passes; a section's, the sum over its passes of
 * first start to last end. Gaps before a resume (the session was not open) count nowhere.
 */
export function drillTimings(checklist: Checklist, header: DrillHeader, events: readonly EvidenceEvent[]): DrillTimings {
  const clock = activeClock(events);
  const { spans, failed, caught, failedUnderFault, lastResult, injected, checkedAfterInjection, injectionsFailed, notRun } = drillSteps(checklist, events);
  const faultsNotChecked = [...injected].filter((step) => !caught.has(step) && !checkedAfterInjection.has(step));
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
  const passes = passCounts(spans);
  const walked = (kind: string): number | undefined => {
    const ids = checklist.sections.filter((s) => s.kind === kind && sections[s.id] !== undefined).map((s) => s.id);
    return ids.length ? ids.reduce((sum, id) => sum + (sections[id] ?? 0), 0) : undefined;
  };
  const rollbackMs = walked('rollback');
  const rollforwardMs = walked('rollforward');
  const failedSteps = [...failed];
  const refusedSteps = [...new Set(events.flatMap((e) => (e.type === 'destructive.refused' ? [`${e.section}/${e.item}`] : [])))];
  const lockedSteps = [...new Set(events.flatMap((e) => (e.type === 'item.marked' && e.locked && items[e.item] === undefined ? [`${e.section}/${e.item}`] : [])))];
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
    failedUnderFault: [...failedUnderFault],
    refusedSteps,
    ...(lockedSteps.length ? { lockedSteps } : {}),
    injectedFaults: [...injected].map((step) => ({ step, caught: caught.has(step) })),
    injectionsFailed,
    ...(faultsNotChecked.length ? { faultsNotChecked } : {}),
    sections,
    items,
    ...(notRun.length ? { notRun } : {}),
    ...(passes ? { passes } : {}),
  };
}

/** How many passes of each section and item were walked, where more than one. */
function passCounts(spans: readonly StepSpan[]): DrillTimings['passes'] {
  const count = (idOf: (span: StepSpan) => string): Record<string, number> => {
    const passesOf = new Map<string, Set<number>>();
    for (const span of spans) passesOf.set(idOf(span), (passesOf.get(idOf(span)) ?? new Set<number>()).add(span.pass));
    return Object.fromEntries([...passesOf].filter(([, walked]) => walked.size > 1).map(([id, walked]) => [id, walked.size]));
  };
  const sections = count((span) => span.section);
  const items = count((span) => span.item);
  return Object.keys(sections).length || Object.keys(items).length ? { sections, items } : undefined;
}
