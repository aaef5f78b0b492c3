// The cutover clock for the main screen, worked out again when the session records something or
// the clock ticks (once a second after T0), not on every key: moving the cursor through a long
// runbook must not re-walk every item for the clock.
import { useMemo } from 'react';
import type { Checklist } from '../../../domain/checklist-schema.js';
import type { SessionState } from '../../../domain/session-state.js';
import { useNow } from '../../app/use-now.js';
import { hasTimeline, timelineAt, type Timeline } from '../../timeline/use-timeline.js';

/** `version` is the session's event count: the state is updated in place, so it is what changes. */
export function useMainTimeline(checklist: Checklist, state: SessionState, version: number): Timeline {
  const timed = useMemo(() => hasTimeline(checklist), [checklist]);
  const now = useNow(1_000, state.t0 !== undefined && timed);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => timelineAt(checklist, state, now), [checklist, state, version, now]);
}
