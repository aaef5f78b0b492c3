// Drill timings: how long each step and section of a session took, and how that compares with
// earlier drills of the same checklist.
import type { Checklist } from './checklist-schema.js';
import type { EvidenceEvent } from './events.js';

export interface DrillTimings {
  sessionId: string;
  startedAt: string;
  ticket: string;
  operator: string;
  totalMs: number;
  rollbackMs: number;
  /** Steps (an item in one pass) that failed at least once: a soak of five failed runs is one. */
  failures: number;
  sections: Record<string, number>;
  items: Record<string, number>;
}

interface Span {
  start: number;
  end: number;
}

function itemOf(event: EvidenceEvent): { section: string; item: string; pass: number } | undefined {
  if (event.type === 'command.started' && event.purpose !== 'inject') return { section: event.section, item: event.item, pass: event.pass };
  if (event.type === 'item.marked') return { section: event.section, item: event.item, pass: event.pass };
  return undefined;
}

function widen(spans: Map<string, Span>, key: string, span: Span): void {
  const s = spans.get(key);
  spans.set(key, s ? { start: Math.min(s.start, span.start), end: Math.max(s.end, span.end) } : { ...span });
}

/**
 * An item's time runs from the operator's previous completed action (or its first command start)
 * to its last result, per pass; a step walked twice (smoke after a rollback) counts both passes.
 * A section's time is the sum over its passes of first start to last end.
 */
export function drillTimings(checklist: Checklist, header: { sessionId: string; createdAt: string; ticket: string; operator: string }, events: readonly EvidenceEvent[]): DrillTimings {
  const spans = new Map<string, Span & { section: string; item: string; pass: number }>();
  const runKey = new Map<string, string>();
  let previousEnd = events[0] ? Date.parse(events[0].ts) : Date.parse(header.createdAt);
  const failed = new Set<string>();
  for (const event of events) {
    const ts = Date.parse(event.ts);
    if (event.type === 'command.finished') {
      const key = runKey.get(event.runId);
      const span = key ? spans.get(key) : undefined;
      if (!span) continue;
      if (event.result === 'fail' && key) failed.add(key);
      span.end = ts;
      previousEnd = ts;
      continue;
    }
    const ref = itemOf(event);
    if (!ref) continue;
    const key = `${ref.item}#${ref.pass}`;
    if (event.type === 'command.started') runKey.set(event.runId, key);
    const span = spans.get(key) ?? { ...ref, start: event.type === 'command.started' ? ts : previousEnd, end: ts };
    span.end = ts;
    spans.set(key, span);
    if (event.type === 'item.marked') {
      if (event.status === 'fail') failed.add(key);
      previousEnd = ts;
    }
  }
  const items: Record<string, number> = {};
  const sectionPasses = new Map<string, Span>();
  for (const span of spans.values()) {
    items[span.item] = (items[span.item] ?? 0) + (span.end - span.start);
    widen(sectionPasses, `${span.section}#${span.pass}`, span);
  }
  const sections: Record<string, number> = {};
  for (const [key, span] of sectionPasses) {
    const id = key.slice(0, key.lastIndexOf('#'));
    sections[id] = (sections[id] ?? 0) + (span.end - span.start);
  }
  const rollbackMs = checklist.sections.filter((s) => s.kind === 'rollback').reduce((sum, s) => sum + (sections[s.id] ?? 0), 0);
  const first = events[0] ? Date.parse(events[0].ts) : 0;
  const last = events.at(-1) ? Date.parse((events.at(-1) as EvidenceEvent).ts) : first;
  return { sessionId: header.sessionId, startedAt: header.createdAt, ticket: header.ticket, operator: header.operator, totalMs: last - first, rollbackMs, failures: failed.size, sections, items };
}

export interface Comparison {
  key: string;
  currentMs: number;
  lastMs?: number;
  bestMs?: number;
  medianMs?: number;
  /** current − median: negative is faster. */
  deltaMs?: number;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function compareOne(key: string, currentMs: number, earlier: number[]): Comparison {
  if (earlier.length === 0) return { key, currentMs };
  const med = median(earlier) as number;
  return { key, currentMs, lastMs: earlier.at(-1), bestMs: Math.min(...earlier), medianMs: med, deltaMs: currentMs - med };
}

/** Compares a drill with earlier ones (oldest first): total, rollback, each section and each item. */
export function compareDrills(current: DrillTimings, earlier: DrillTimings[]): { total: Comparison; rollback: Comparison; sections: Comparison[]; items: Comparison[] } {
  const pick = (select: (d: DrillTimings) => number | undefined): number[] =>
    earlier.map(select).filter((v): v is number => v !== undefined);
  return {
    total: compareOne('total', current.totalMs, pick((d) => d.totalMs)),
    // a drill that never walked its rollback has no rollback time, not a rollback of 0 ms
    rollback: compareOne('rollback', current.rollbackMs, pick((d) => d.rollbackMs || undefined)),
    sections: Object.entries(current.sections).map(([id, ms]) => compareOne(id, ms, pick((d) => d.sections[id]))),
    items: Object.entries(current.items).map(([id, ms]) => compareOne(id, ms, pick((d) => d.items[id]))),
  };
}

export function describeDelta(c: Comparison, format: (ms: number) => string): string {
  if (c.deltaMs === undefined) return 'first drill';
  // within 5% (or 100 ms) of the median is noise, not a trend
  if (Math.abs(c.deltaMs) < Math.max(100, 0.05 * (c.medianMs ?? 0))) return 'same as median';
  return c.deltaMs < 0 ? `${format(-c.deltaMs)} faster than median` : `${format(c.deltaMs)} slower than median`;
}
