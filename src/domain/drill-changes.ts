// What changed in the latest drill: the measures (total, rollback, roll-forward, sections, steps)
// that moved beyond noise against the median of the drills before it, biggest change first.
import type { Checklist } from './checklist-schema.js';
import { compareDrills, isNoise, passesNote, type Comparison } from './drill-compare.js';
import { kindSoFar, sectionsSoFar } from './drill-so-far.js';
import type { DrillTimings } from './drill-timings.js';

export interface DrillChange {
  /** "total", "rollback", "roll-forward", "section smoke" or a step's "section/item". */
  what: string;
  latestMs: number;
  medianMs: number;
  /** latest − median: negative is faster. */
  deltaMs: number;
}

/** The changes of `latest` against `earlier` (oldest first), biggest first; `limit` steps and sections at most. */
export function drillChanges(checklist: Checklist | undefined, latest: DrillTimings, earlier: DrillTimings[], limit = 8): DrillChange[] {
  const compared = compareDrills(latest, earlier, checklist);
  const sectionOf = new Map(checklist?.sections.flatMap((s) => s.items.map((i) => [i.id, s.id] as const)) ?? []);
  const change = (what: string, c: Comparison): DrillChange[] =>
    isNoise(c) || c.medianMs === undefined || c.deltaMs === undefined ? [] : [{ what, latestMs: c.currentMs, medianMs: c.medianMs, deltaMs: c.deltaMs }];
  // the rollback's own section when it is the only one: the same figure as "rollback"
  const soleOfKind = new Set(['rollback', 'rollforward'].flatMap((kind) => {
    const ofKind = checklist?.sections.filter((s) => s.kind === kind) ?? [];
    return ofKind.length === 1 ? [ofKind[0]?.id] : [];
  }));
  // an unfinished drill's total so far, or a section it stopped in, is no measure of how long it takes
  const soFar = sectionsSoFar(checklist, latest);
  const walked = (kind: 'rollback' | 'rollforward'): boolean => latest[`${kind}Ms`] !== undefined && !kindSoFar(checklist, latest, kind);
  const headline = [
    ...(latest.finished ? change('total', compared.total) : []),
    ...(walked('rollback') ? change('rollback', compared.rollback) : []),
    ...(walked('rollforward') ? change('roll-forward', compared.rollforward) : []),
  ];
  const parts = [
    ...compared.sections.filter((c) => !soleOfKind.has(c.key) && !soFar.has(c.key)).flatMap((c) => change(`section ${c.key}${passesNote(c)}`, c)),
    ...compared.items.flatMap((c) => change(`${sectionOf.has(c.key) ? `${sectionOf.get(c.key)}/${c.key}` : c.key}${passesNote(c)}`, c)),
  ].sort((a, b) => Math.abs(b.deltaMs) - Math.abs(a.deltaMs));
  return [...headline, ...parts.slice(0, limit)];
}
