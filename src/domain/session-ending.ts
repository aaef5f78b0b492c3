// How the process before a resume stopped recording: it left the session open on purpose (a quit,
// a signal), finished it, or vanished without a word (a crash, kill -9, a power cut, a lost host),
// which is worth telling whoever resumes: whatever it was doing was not seen to its end.
import type { EvidenceEvent } from './events.js';

export type PreviousEnding =
  | { how: 'left'; reason: string; at: string }
  | { how: 'closed'; at: string }
  | { how: 'vanished'; lastEventAt: string };

/** The ending before the session.resumed at `resumeSeq` (events are in seq order, seq = index + 1). */
export function previousEnding(events: readonly EvidenceEvent[], resumeSeq: number): PreviousEnding | undefined {
  const before = events[resumeSeq - 2];
  if (!before || events[resumeSeq - 1]?.type !== 'session.resumed') return undefined;
  if (before.type === 'session.left') return { how: 'left', reason: before.reason, at: before.ts };
  if (before.type === 'session.closed') return { how: 'closed', at: before.ts };
  return { how: 'vanished', lastEventAt: before.ts };
}
