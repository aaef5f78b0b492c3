// Earlier drills of a checklist, read from the evidence directory (read-only, no locks).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseChecklistText } from '../domain/checklist-parse.js';
import type { Checklist } from '../domain/checklist-schema.js';
import { drillTimings, type DrillTimings } from '../domain/drill-timings.js';
import { listSessions, readEvidence } from './evidence-store.js';

async function snapshotChecklist(dir: string, snapshot: string): Promise<Checklist | undefined> {
  const path = join(dir, snapshot);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const parsed = parseChecklistText(text, path);
  return parsed.ok ? parsed.checklist : undefined;
}

/** Timings of every intact drill of `checklistId` in `evidenceDir`, oldest first. */
export async function loadDrillHistory(evidenceDir: string, checklistId: string, exclude?: string): Promise<DrillTimings[]> {
  const sessions = await listSessions(evidenceDir);
  const drills = sessions.filter((s) => s.mode === 'drill' && s.checklistId === checklistId && s.sessionId !== exclude && !s.problem);
  const timings: DrillTimings[] = [];
  for (const summary of drills) {
    const { header, events, problem } = await readEvidence(summary.path);
    if (problem) continue;
    const checklist = await snapshotChecklist(evidenceDir, header.checklist.snapshot);
    if (!checklist) continue;
    timings.push(drillTimings(checklist, header, events));
  }
  return timings.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
