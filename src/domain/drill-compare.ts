// A drill against earlier drills of the same checklist: last, best and median of each measure, and
// whether this drill was faster or slower than the median.
import type { DrillTimings } from './drill-timings.js';

export interface Comparison {
  key: string;
  currentMs: number;
  /** How many earlier drills there were at all (not only those with a time for this key). */
  earlierDrills: number;
  lastMs?: number;
  bestMs?: number;
  medianMs?: number;
  /** current − median: negative is faster. */
  deltaMs?: number;
  /** A section or step walked in more than one pass: compared only with drills that walked it as many times. */
  passes?: number;
}

export interface DrillComparison {
  total: Comparison;
  rollback: Comparison;
  rollforward: Comparison;
  sections: Comparison[];
  items: Comparison[];
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function compareOne(key: string, currentMs: number, earlier: number[], earlierDrills: number): Comparison {
  if (earlier.length === 0) return { key, currentMs, earlierDrills };
  const med = median(earlier) as number;
  return { key, currentMs, earlierDrills, lastMs: earlier.at(-1), bestMs: Math.min(...earlier), medianMs: med, deltaMs: currentMs - med };
}

const passesOf = (d: DrillTimings, of: 'sections' | 'items', id: string): number => d.passes?.[of][id] ?? 1;

/**
 * Compares a drill with earlier ones (oldest first); rollback and roll-forward only with drills that
 * walked them, the total only with drills that were finished (a drill left open stopped part way),
 * a section or step only with drills that walked it in as many passes (its time sums its passes).
 */
export function compareDrills(current: DrillTimings, earlier: DrillTimings[]): DrillComparison {
  const one = (key: string, currentMs: number, select: (d: DrillTimings) => number | undefined): Comparison =>
    compareOne(key, currentMs, earlier.map(select).filter((v): v is number => v !== undefined), earlier.length);
  const walked = (of: 'sections' | 'items') => ([id, ms]: [string, number]): Comparison => {
    const passes = passesOf(current, of, id);
    const c = one(id, ms, (d) => (passesOf(d, of, id) === passes ? d[of][id] : undefined));
    return passes > 1 ? { ...c, passes } : c;
  };
  return {
    total: one('total', current.totalMs, (d) => (d.finished ? d.totalMs : undefined)),
    rollback: one('rollback', current.rollbackMs ?? 0, (d) => d.rollbackMs),
    rollforward: one('rollforward', current.rollforwardMs ?? 0, (d) => d.rollforwardMs),
    sections: Object.entries(current.sections).map(walked('sections')),
    items: Object.entries(current.items).map(walked('items')),
  };
}

/** Within 5% (or 100 ms) of the median is noise, not a trend. */
export function isNoise(c: Comparison): boolean {
  return c.deltaMs === undefined || Math.abs(c.deltaMs) < Math.max(100, 0.05 * (c.medianMs ?? 0));
}

export function describeDelta(c: Comparison, format: (ms: number) => string): string {
  if (c.deltaMs === undefined) {
    if (!c.earlierDrills) return 'first drill';
    return c.passes ? `first drill with ${c.passes} passes` : 'no earlier time';
  }
  if (isNoise(c)) return 'same as median';
  return c.deltaMs < 0 ? `${format(-c.deltaMs)} faster than median` : `${format(c.deltaMs)} slower than median`;
}

/** " (2 passes)" for a section or step walked more than once, else "". */
export const passesNote = (c: Comparison | undefined): string => (c?.passes ? ` (${c.passes} passes)` : '');
