// The cutover clock: timeline items (`at: T-60`, `T+10`) as reminders relative to T0.
import type { Checklist } from './checklist-schema.js';
import { formatDuration, formatOffset, parseOffset } from './duration.js';
import type { SessionState } from './session-state.js';

export type TimelineStatus = 'done' | 'due' | 'overdue' | 'upcoming' | 'waiting-t0';

export interface TimelineEntry {
  section: string;
  item: string;
  title: string;
  at: string;
  plannedMs: number;
  status: TimelineStatus;
  /** T+ offset at which the entry was completed, when it was. */
  actualMs?: number;
  /** Human text: "due now", "overdue by 4m10s", "in 6m00s", "done at T+09:12". */
  label: string;
}

/** How long an entry stays "due" before it is "overdue". */
export const DUE_GRACE_MS = 5 * 60_000;

const DONE = new Set(['pass', 'fail', 'skip', 'not-run']);

export function timelineEntries(checklist: Checklist, state: SessionState, now: number): TimelineEntry[] {
  const t0 = state.t0 ? Date.parse(state.t0) : undefined;
  const entries: TimelineEntry[] = [];
  let firstPendingBeforeT0 = true;
  for (const section of checklist.sections) {
    for (const item of section.items) {
      if (!item.at) continue;
      const plannedMs = parseOffset(item.at) ?? 0;
      const itemState = state.items[`${section.id}/${item.id}`];
      const base = { section: section.id, item: item.id, title: item.title, at: item.at, plannedMs };
      if (itemState && DONE.has(itemState.status)) {
        const doneAt = itemState.markedAt ? Date.parse(itemState.markedAt) : undefined;
        const actualMs = t0 !== undefined && doneAt !== undefined ? doneAt - t0 : undefined;
        entries.push({ ...base, status: 'done', actualMs, label: actualMs === undefined ? 'done before T0' : `done at ${formatOffset(actualMs)}` });
        continue;
      }
      if (t0 === undefined) {
        // Without T0 the clock has no anchor: pre-T0 entries are walked in order, the first one is due.
        const due = plannedMs < 0 && firstPendingBeforeT0;
        if (plannedMs < 0) firstPendingBeforeT0 = false;
        entries.push({ ...base, status: due ? 'due' : 'waiting-t0', label: due ? 'due (before T0)' : 'waits for T0' });
        continue;
      }
      const late = now - (t0 + plannedMs);
      if (late < 0) entries.push({ ...base, status: 'upcoming', label: `in ${formatDuration(-late)}` });
      else if (late <= DUE_GRACE_MS) entries.push({ ...base, status: 'due', label: 'due now' });
      else entries.push({ ...base, status: 'overdue', label: `overdue by ${formatDuration(late)}` });
    }
  }
  return entries;
}

/** The entry the header should point at: the first overdue, else the first due one. */
export function nextReminder(entries: TimelineEntry[]): TimelineEntry | undefined {
  return entries.find((e) => e.status === 'overdue') ?? entries.find((e) => e.status === 'due');
}
