// Earlier drills of a checklist, read from the evidence directory (read-only, no locks).
import type { Checklist } from '../domain/checklist-schema.js';
import { compareDrills, drillTimings, type DrillTimings } from '../domain/drill-timings.js';
import type { EvidenceEvent, EvidenceHeader } from '../domain/events.js';
import { readChecklistSnapshot } from './checklist-snapshot.js';
import { listSessions, readEvidence } from './evidence-store.js';

/** Timings of every intact drill of `checklistId` in `evidenceDir`, oldest first. */
export async function loadDrillHistory(evidenceDir: string, checklistId: string, exclude?: string): Promise<DrillTimings[]> {
  const sessions = await listSessions(evidenceDir);
  const drills = sessions.filter((s) => s.mode === 'drill' && s.checklistId === checklistId && s.sessionId !== exclude && !s.problem);
  const timings: DrillTimings[] = [];
  for (const summary of drills) {
    const { header, events, problem } = await readEvidence(summary.path);
    if (problem) continue;
    const { checklist } = await readChecklistSnapshot(evidenceDir, header);
    if (!checklist) continue;
    timings.push(drillTimings(checklist, header, events));
  }
  return timings.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** This drill's timings against the drills of its checklist that started before it. */
export async function compareWithEarlierDrills(evidenceDir: string, header: EvidenceHeader, checklist: Checklist, events: readonly EvidenceEvent[]) {
  const history = await loadDrillHistory(evidenceDir, header.checklist.id, header.sessionId).catch(() => []);
  const earlier = history.filter((d) => d.startedAt < header.createdAt);
  const current = drillTimings(checklist, header, events);
  return { current, comparison: compareDrills(current, earlier), earlier: earlier.length };
}
