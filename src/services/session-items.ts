// A session's operations on the checklist's items other than running their checks (session-runs.ts):
// finding an item, marking its result, injecting its drill fault, starting a section's next pass.
import type { Checklist, ChecklistItem, ChecklistSection } from '../domain/checklist-schema.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import type { ItemMark } from '../domain/events.js';
import { currentPass, type RunState } from '../domain/session-state.js';
import { executeItem, type RunItemOptions } from './session-runs.js';
import type { CutoverSession } from './session.js';

export interface FoundItem {
  section: ChecklistSection;
  item: ChecklistItem;
}

export function findSection(checklist: Checklist, sectionId: string): ChecklistSection | undefined {
  return checklist.sections.find((s) => s.id === sectionId);
}

export function findItem(checklist: Checklist, itemId: string): FoundItem | undefined {
  for (const section of checklist.sections) {
    const item = section.items.find((i) => i.id === itemId);
    if (item) return { section, item };
  }
  return undefined;
}

export function requireItem(checklist: Checklist, sectionId: string, itemId: string): FoundItem {
  const section = findSection(checklist, sectionId);
  const item = section?.items.find((i) => i.id === itemId);
  if (!section || !item) throw new CutoverError(`no item ${sectionId}/${itemId} in checklist ${checklist.id}`, EXIT.usage);
  return { section, item };
}

/** The item's result in its section's current pass, linked to its latest run. */
export async function markItem(session: CutoverSession, sectionId: string, itemId: string, status: ItemMark, note: string, locked?: true): Promise<void> {
  session.requireItem(sectionId, itemId);
  const pass = currentPass(session.state, sectionId);
  const runId = session.state.items[`${sectionId}/${itemId}`]?.lastRunId;
  await session.append({ type: 'item.marked', section: sectionId, item: itemId, pass, status, note, ...(runId ? { runId } : {}), ...(locked ? { locked } : {}) });
  await session.syncRules();
}

export async function injectFault(session: CutoverSession, itemId: string, opts: RunItemOptions): Promise<RunState> {
  const found = session.findItem(itemId);
  if (!found?.item.drill?.inject) throw new CutoverError(`item ${itemId} declares no fault to inject (drill.inject)`, EXIT.usage);
  if (session.mode !== 'drill') throw new CutoverError('faults can only be injected in a drill (--drill)', EXIT.usage);
  return executeItem(session, found.section.id, itemId, 'inject', { ...opts, command: session.render(found.item.drill.inject) });
}

/** A section walked again (e.g. smoke checks after a rollback): earlier passes' results are kept. */
export async function startNewPass(session: CutoverSession, sectionId: string, reason: string): Promise<number> {
  if (!session.section(sectionId)) throw new CutoverError(`no section ${sectionId}`, EXIT.usage);
  const pass = currentPass(session.state, sectionId) + 1;
  await session.append({ type: 'pass.started', section: sectionId, pass, reason });
  await session.syncRules();
  return pass;
}
