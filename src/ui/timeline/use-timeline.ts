// The cutover clock as the screens see it: every timeline entry (items with `at:`) with its
// status now, re-evaluated every second once T0 is marked (before T0 nothing depends on time).
import { useMemo } from 'react';
import type { Checklist } from '../../domain/checklist-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import { nextReminder, timelineEntries, type TimelineEntry } from '../../domain/timeline.js';
import { useNow } from '../app/use-now.js';

export interface Timeline {
  entries: TimelineEntry[];
  /** Entries keyed `section/item`. */
  byItem: Map<string, TimelineEntry>;
  /** The first overdue entry, else the first due one. */
  reminder?: TimelineEntry;
  /** What comes after, when nothing is due. */
  upcoming?: TimelineEntry;
}

export function hasTimeline(checklist: Checklist): boolean {
  return checklist.sections.some((s) => s.items.some((i) => i.at));
}

export function timelineAt(checklist: Checklist, state: SessionState, now: number): Timeline {
  const entries = timelineEntries(checklist, state, now);
  const byItem = new Map(entries.map((e) => [`${e.section}/${e.item}`, e]));
  const reminder = nextReminder(entries);
  const upcoming = reminder ? undefined : entries.filter((e) => e.status === 'upcoming').sort((a, b) => a.plannedMs - b.plannedMs)[0];
  return { entries, byItem, reminder, upcoming };
}

/**
 * Worked out again when the session records something (its state is updated in place: `lastSeq`
 * is what changes) or the clock ticks, not on every key: moving the cursor through a long runbook
 * must not re-walk every item for the clock.
 */
export function useTimeline(checklist: Checklist, state: SessionState): Timeline {
  const timed = useMemo(() => hasTimeline(checklist), [checklist]);
  const now = useNow(1_000, state.t0 !== undefined && timed);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => timelineAt(checklist, state, now), [checklist, state, state.lastSeq, now]);
}
