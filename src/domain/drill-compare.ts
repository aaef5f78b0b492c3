// A drill against earlier drills of the same checklist: last, best and median of each measure, and
// whether this drill was faster or slower than the median.
import type { Checklist } from './checklist-schema.js';
import { bestTime } from './drill-best.js';
import type { DrillTimings } from './drill-timings.js';
import { everyStep, stepsOf, walkedAlike, walkedStepsNote, type StepScope } from './drill-walked.js';

export interface Comparison {
  key: string;
  currentMs: number;
  /** How many earlier drills there were at all (not only those with a time for this key). */
  earlierDrills: number;
  lastMs?: number;
  /** The fastest earlier drill that passed (drill-best.ts); absent when none of those compared passed. */
  bestMs?: number;
  medianMs?: number;
  /** current − median: negative is faster. */
  deltaMs?: number;
  /** A section or step walked in more than one pass: compared only with drills that walked it as many times. */
  passes?: number;
  /** Earlier drills with a time for this measure left out: they walked other steps in it (drill-walked.ts). */
  unlike?: number;
}

export interface DrillComparison {
  total: Comparison;
  rollback: Comparison;
  rollforward: Comparison;
  sections: Comparison[];
  items: Comparison[];
  /** Set when earlier drills walked other steps than this one: says so plainly (drill-walked.ts). */
  walkedNote?: string;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

type Measure = (d: DrillTimings) => number | undefined;

function compareOne(key: string, currentMs: number, like: DrillTimings[], measure: Measure, earlierDrills: number, unlike: number): Comparison {
  const earlier = like.map(measure).filter((v): v is number => v !== undefined);
  const base = { key, currentMs, earlierDrills, ...(unlike ? { unlike } : {}) };
  if (earlier.length === 0) return base;
  const med = median(earlier) as number;
  const best = bestTime(like, measure);
  return { ...base, lastMs: earlier.at(-1), ...(best === undefined ? {} : { bestMs: best }), medianMs: med, deltaMs: currentMs - med };
}

const passesOf = (d: DrillTimings, of: 'sections' | 'items', id: string): number => d.passes?.[of][id] ?? 1;

/**
 * Compares a drill with earlier ones (oldest first); rollback and roll-forward only with drills that
 * walked them, the total only with drills that were finished (a drill left open stopped part way),
 * a section or step only with drills that walked it in as many passes (its time sums its passes).
 * Each measure only with drills that walked the same steps in it: a headless drill that did not run
 * the manual steps is no measure of a drill in the TUI that walked them. `checklist` says which steps
 * a section, the rollback and the roll-forward hold; without it, any step counts for every measure.
 */
export function compareDrills(current: DrillTimings, earlier: DrillTimings[], checklist?: Checklist): DrillComparison {
  const one = (key: string, currentMs: number, measure: Measure, scope: StepScope): Comparison => {
    const alike = earlier.map((d) => walkedAlike(current, d, scope));
    const unlike = earlier.filter((d, i) => !alike[i] && measure(d) !== undefined).length;
    return compareOne(key, currentMs, earlier.filter((_, i) => alike[i]), measure, earlier.length, unlike);
  };
  const walked = (of: 'sections' | 'items') => ([id, ms]: [string, number]): Comparison => {
    const passes = passesOf(current, of, id);
    const scope = of === 'items' ? (item: string) => item === id : stepsOf(checklist, (s) => s.id === id);
    const c = one(id, ms, (d) => (passesOf(d, of, id) === passes ? d[of][id] : undefined), scope);
    return passes > 1 ? { ...c, passes } : c;
  };
  const ofKind = (kind: string): StepScope => stepsOf(checklist, (s) => s.kind === kind);
  const walkedNote = walkedStepsNote(current, earlier);
  return {
    total: one('total', current.totalMs, (d) => (d.finished ? d.totalMs : undefined), everyStep),
    rollback: one('rollback', current.rollbackMs ?? 0, (d) => d.rollbackMs, ofKind('rollback')),
    rollforward: one('rollforward', current.rollforwardMs ?? 0, (d) => d.rollforwardMs, ofKind('rollforward')),
    sections: Object.entries(current.sections).map(walked('sections')),
    items: Object.entries(current.items).map(walked('items')),
    ...(walkedNote ? { walkedNote } : {}),
  };
}

/** Within 5% (or 100 ms) of the median is noise, not a trend. */
export function isNoise(c: Comparison): boolean {
  return c.deltaMs === undefined || Math.abs(c.deltaMs) < Math.max(100, 0.05 * (c.medianMs ?? 0));
}

export function describeDelta(c: Comparison, format: (ms: number) => string): string {
  if (c.deltaMs === undefined) {
    if (!c.earlierDrills) return 'first drill';
    if (c.unlike) return 'not compared: other steps walked';
    return c.passes ? `first drill with ${c.passes} passes` : 'no earlier time';
  }
  if (isNoise(c)) return 'same as median';
  return c.deltaMs < 0 ? `${format(-c.deltaMs)} faster than median` : `${format(c.deltaMs)} slower than median`;
}

/** " (2 passes)" for a section or step walked more than once, else "". */
export const passesNote = (c: Comparison | undefined): string => (c?.passes ? ` (${c.passes} passes)` : '');
