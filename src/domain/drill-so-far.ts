// What of a drill left open is still under way: a section it walked only in part stopped with the
// drill, so its time so far is no measure of how long the section takes and is not compared.
import type { Checklist } from './checklist-schema.js';
import type { DrillTimings } from './drill-timings.js';

type Walked = Pick<DrillTimings, 'finished' | 'sections' | 'items'>;

/** Ids of the sections an unfinished drill walked in part (some step of theirs has no time); none once finished. */
export function sectionsSoFar(checklist: Checklist | undefined, drill: Walked): Set<string> {
  if (drill.finished || !checklist) return new Set();
  return new Set(
    checklist.sections
      .filter((s) => drill.sections[s.id] !== undefined && s.items.some((item) => drill.items[item.id] === undefined))
      .map((s) => s.id),
  );
}

/** The rollback or roll-forward of an unfinished drill is "so far" while one of its sections is. */
export function kindSoFar(checklist: Checklist | undefined, drill: Walked, kind: 'rollback' | 'rollforward'): boolean {
  const soFar = sectionsSoFar(checklist, drill);
  return (checklist?.sections ?? []).some((s) => s.kind === kind && soFar.has(s.id));
}
