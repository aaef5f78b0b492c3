// Earlier drills of a checklist, read from the evidence directory (read-only, no locks).
import { basename } from 'node:path';
import type { Checklist } from '../domain/checklist-schema.js';
import { shellWord } from '../domain/command-template.js';
import { compareDrills, drillTimings, type DrillTimings } from '../domain/drill-timings.js';
import type { EvidenceEvent, EvidenceHeader } from '../domain/events.js';
import { displayPathOf } from './checklist-loader.js';
import { readChecklistSnapshot } from './checklist-snapshot.js';
import { evidencePaths } from './evidence-list.js';
import { isIntactHeader, readEvidence } from './evidence-read.js';

export interface DrillHistory {
  /** Timings of every readable drill, oldest first. */
  drills: Array<DrillTimings & { evidence: string }>;
  /** Drills that could not be timed, each "path: why" (damaged evidence, missing snapshot). */
  leftOut: string[];
  /** Sessions of this checklist in any mode: the checklist id is known here even without drills. */
  sessions: number;
  /** The checklist as the latest drill used it (steps are named by its sections). */
  latestChecklist?: Checklist;
}

/** Each file read once: the session being walked (`exclude`, with its thousands of events) not at all. */
export async function readDrillHistory(evidenceDir: string, checklistId: string, exclude?: string): Promise<DrillHistory> {
  const drills: DrillHistory['drills'] = [];
  const checklists = new Map<string, Checklist>();
  const leftOut: string[] = [];
  let sessions = 0;
  for (const path of await evidencePaths(evidenceDir)) {
    if (exclude !== undefined && basename(path) === `${exclude}.json`) {
      sessions++;
      continue;
    }
    const read = await readEvidence(path).catch(() => undefined); // not evidence, or unreadable: not a session
    if (!read || !isIntactHeader(read.header) || read.header.checklist?.id !== checklistId) continue;
    sessions++;
    const { header, events, problem } = read;
    if (header.mode !== 'drill' || header.sessionId === exclude) continue;
    const where = displayPathOf(path);
    if (problem) {
      leftOut.push(`${where}: damaged at seq ${problem.seq} (cutover verify ${shellWord(where)})`);
      continue;
    }
    const snapshot = await readChecklistSnapshot(evidenceDir, header);
    if (!snapshot.checklist) {
      leftOut.push(`${where}: ${snapshot.problem ?? 'no checklist snapshot'}`);
      continue;
    }
    drills.push({ ...drillTimings(snapshot.checklist, header, events), evidence: path });
    checklists.set(header.sessionId, snapshot.checklist);
  }
  drills.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const latestChecklist = checklists.get(drills.at(-1)?.sessionId ?? '');
  return { drills, leftOut, sessions, ...(latestChecklist ? { latestChecklist } : {}) };
}

/** Timings of every intact drill of `checklistId` in `evidenceDir`, oldest first. */
export async function loadDrillHistory(evidenceDir: string, checklistId: string, exclude?: string): Promise<DrillTimings[]> {
  return (await readDrillHistory(evidenceDir, checklistId, exclude)).drills;
}

/** This drill's timings against the drills of its checklist that started before it. */
export async function compareWithEarlierDrills(evidenceDir: string, header: EvidenceHeader, checklist: Checklist, events: readonly EvidenceEvent[]) {
  const history = await loadDrillHistory(evidenceDir, header.checklist.id, header.sessionId).catch(() => []);
  const earlier = history.filter((d) => d.startedAt < header.createdAt);
  const current = drillTimings(checklist, header, events);
  return { current, comparison: compareDrills(current, earlier, checklist), earlier: earlier.length };
}
