// A drill's clock without the time its session was not open: from the last event before a
// `session.resumed` (a quit, a dropped terminal, a kill -9) to the resume. A drill resumed the next
// morning did not take all night, and a rollback started after the resume did not start before it.
import type { EvidenceEvent } from './events.js';

export interface ActiveClock {
  /** First to last event, pauses left out. */
  total: number;
  paused: number;
  /** Time from `start` to `end` that was not inside a pause. */
  between(start: number, end: number): number;
}

export function activeClock(events: readonly EvidenceEvent[]): ActiveClock {
  const pauses: Array<[number, number]> = [];
  events.forEach((event, i) => {
    const before = events[i - 1];
    if (event.type === 'session.resumed' && before) pauses.push([Date.parse(before.ts), Date.parse(event.ts)]);
  });
  const between = (start: number, end: number): number =>
    pauses.reduce((ms, [from, to]) => ms - Math.max(0, Math.min(end, to) - Math.max(start, from)), Math.max(0, end - start));
  const first = events[0] ? Date.parse(events[0].ts) : 0;
  const last = events.at(-1) ? Date.parse((events.at(-1) as EvidenceEvent).ts) : first;
  return { total: between(first, last), paused: pauses.reduce((ms, [from, to]) => ms + (to - from), 0), between };
}
