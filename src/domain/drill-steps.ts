// The steps a drill walked, read from its events: each step's stretches of time, its last result,
// what failed, and which injected faults were in place when a check failed.
import type { Checklist } from './checklist-schema.js';
import type { EvidenceEvent } from './events.js';

export interface Segment {
  start: number;
  end: number;
}

/** A step in one pass: the stretches of time spent on it, each ended when another step was worked on. */
export interface StepSpan {
  section: string;
  item: string;
  pass: number;
  segments: Segment[];
}

export interface DrillSteps {
  spans: StepSpan[];
  /** Steps that failed, but not a check that failed while an injected fault was still in place, nor a step failing under its own fault. */
  failed: Set<string>;
  /** Steps that failed after their own fault was injected: the fault caught (a failure before it is a failure). */
  caught: Set<string>;
  /** Checks (smoke sections) of other steps that failed after a fault was injected and before any rollback or roll-forward step. */
  failedUnderFault: Set<string>;
  lastResult: Map<string, string>;
  /** Steps whose fault was injected (its inject command passed). */
  injected: Set<string>;
  /** Injected steps that were run or marked after their fault was injected. */
  checkedAfterInjection: Set<string>;
  injectionsFailed: string[];
  /** Manual items recorded as not run and never walked (a headless drill does not run them). */
  notRun: string[];
}

// Events that are not something the operator finished: they do not start the next manual step's time.
const NOT_AN_ACTION = new Set<EvidenceEvent['type']>(['cursor.moved', 'rule.fired', 'rule.cleared', 'note.added', 'exported', 'session.closed', 'session.left', 'command.started', 'command.interrupted', 'destructive.confirmed', 'destructive.refused']);

export const stepName = (span: { section: string; item: string; pass: number }): string => `${span.section}/${span.item}${span.pass > 1 ? ` (pass ${span.pass})` : ''}`;

function stepOf(event: EvidenceEvent): { section: string; item: string; pass: number } | undefined {
  if (event.type === 'command.started' || event.type === 'item.marked') return { section: event.section, item: event.item, pass: event.pass };
  return undefined;
}

const sectionsOf = (checklist: Checklist, kinds: string[]): Set<string> => new Set(checklist.sections.filter((s) => kinds.includes(s.kind)).map((s) => s.id));

/**
 * The steps walked, each with its segments: a command step's from its start, a manual one's from the
 * operator's previous action. Working on another step ends a segment, so a check re-run after the
 * step that fixed it does not count that step's time twice.
 *
 * An injected fault stays in place until the team recovers from it: smoke checks that fail before
 * the first rollback or roll-forward step are the fault's doing (a soak after the caught check),
 * not findings of their own. Failures after that, and in other sections, count.
 */
export function drillSteps(checklist: Checklist, events: readonly EvidenceEvent[]): DrillSteps {
  const checks = sectionsOf(checklist, ['smoke']);
  const recovery = sectionsOf(checklist, ['rollback', 'rollforward']);
  const spans = new Map<string, StepSpan>();
  const runSegment = new Map<string, { key: string; section: string; segment: Segment }>();
  const injectRun = new Map<string, string>();
  const failed = new Set<string>();
  const caught = new Set<string>();
  const failedUnderFault = new Set<string>();
  const lastResult = new Map<string, string>();
  const injected = new Set<string>();
  const checkedAfterInjection = new Set<string>();
  const attempted = new Set<string>();
  const markedNotRun = new Set<string>();
  const manual = new Set(checklist.sections.flatMap((s) => s.items.filter((item) => !item.run?.trim()).map((item) => item.id)));
  let faultInPlace = false;
  let lastAction = events[0] ? Date.parse(events[0].ts) : 0;
  let lastStep: string | undefined;
  const fail = (key: string, section: string): void => {
    if (injected.has(key)) caught.add(key);
    else if (faultInPlace && checks.has(section)) failedUnderFault.add(key);
    else failed.add(key);
  };
  for (const event of events) {
    const ts = Date.parse(event.ts);
    const ref = stepOf(event);
    // a manual step that a headless run (or a refused destructive step) did not run was not walked
    const notWalked = ref && event.type === 'item.marked' && event.status === 'not-run' && !spans.has(stepName(ref));
    if (notWalked && manual.has(ref.item)) markedNotRun.add(ref.item);
    if (ref && !notWalked) {
      const key = stepName(ref);
      if (event.type === 'command.started' && event.purpose === 'inject') {
        injectRun.set(event.runId, key);
        attempted.add(key);
        continue;
      }
      if (injected.has(key)) checkedAfterInjection.add(key);
      if (recovery.has(ref.section)) faultInPlace = false;
      const span = spans.get(key) ?? { ...ref, segments: [] };
      spans.set(key, span);
      let segment = span.segments.at(-1);
      if (!segment || lastStep !== key) {
        segment = { start: event.type === 'command.started' ? ts : lastAction, end: ts };
        span.segments.push(segment);
      }
      segment.end = Math.max(segment.end, ts);
      lastStep = key;
      if (event.type === 'command.started') runSegment.set(event.runId, { key, section: ref.section, segment });
      if (event.type === 'item.marked') lastResult.set(key, event.status);
      if (event.type === 'item.marked' && event.status === 'fail') fail(key, ref.section);
    } else if (event.type === 'command.finished') {
      const injectedInto = injectRun.get(event.runId);
      if (injectedInto !== undefined && event.result === 'pass') {
        injected.add(injectedInto);
        faultInPlace = true;
      }
      const run = runSegment.get(event.runId);
      if (!run) continue; // an injected fault's own run
      run.segment.end = Math.max(run.segment.end, ts);
      lastResult.set(run.key, event.result);
      if (event.result === 'fail') fail(run.key, run.section);
    }
    if (!NOT_AN_ACTION.has(event.type)) lastAction = ts;
  }
  for (const key of failed) failedUnderFault.delete(key);
  const walkedItems = new Set([...spans.values()].map((span) => span.item));
  const notRun = [...markedNotRun].filter((item) => !walkedItems.has(item));
  return { spans: [...spans.values()], failed, caught, failedUnderFault, lastResult, injected, checkedAfterInjection, injectionsFailed: [...attempted].filter((key) => !injected.has(key)), notRun };
}
