// Progress counts over the checklist as the session state sees it.
import type { Checklist } from './checklist-schema.js';
import { itemKey, type ItemState, type SessionState } from './session-state.js';

export interface Progress {
  pass: number;
  fail: number;
  skip: number;
  notRun: number;
  pending: number;
  running: number;
  interrupted: number;
  total: number;
}

const empty = (): Progress => ({ pass: 0, fail: 0, skip: 0, notRun: 0, pending: 0, running: 0, interrupted: 0, total: 0 });

export function itemState(state: SessionState, sectionId: string, itemId: string): ItemState | undefined {
  return state.items[itemKey(sectionId, itemId)];
}

/** The item's last destructive attempt: confirmed or refused. */
export function lastDestructive(state: SessionState, sectionId: string, itemId: string): SessionState['destructive'][number] | undefined {
  return state.destructive.findLast((d) => d.section === sectionId && d.item === itemId);
}

function count(progress: Progress, status: ItemState['status'] | undefined): void {
  progress.total++;
  switch (status) {
    case 'pass':
      progress.pass++;
      return;
    case 'fail':
      progress.fail++;
      return;
    case 'skip':
      progress.skip++;
      return;
    case 'not-run':
      progress.notRun++;
      return;
    case 'running':
      progress.running++;
      return;
    case 'interrupted':
      progress.interrupted++;
      return;
    default:
      progress.pending++;
  }
}

export function sectionProgress(checklist: Checklist, state: SessionState, sectionId: string): Progress {
  const progress = empty();
  const section = checklist.sections.find((s) => s.id === sectionId);
  for (const item of section?.items ?? []) count(progress, itemState(state, sectionId, item.id)?.status);
  return progress;
}

/**
 * Every item's key in `state.items`, made once per checklist (a loaded checklist does not change):
 * the header counts all items at every frame, and a key built anew each time is a new string to
 * hash for the lookup.
 */
const itemKeysOf = new WeakMap<Checklist, string[]>();

function itemKeys(checklist: Checklist): string[] {
  let keys = itemKeysOf.get(checklist);
  if (!keys) {
    keys = checklist.sections.flatMap((section) => section.items.map((item) => itemKey(section.id, item.id)));
    itemKeysOf.set(checklist, keys);
  }
  return keys;
}

export function totals(checklist: Checklist, state: SessionState): Progress {
  const progress = empty();
  for (const key of itemKeys(checklist)) count(progress, state.items[key]?.status);
  return progress;
}

/** Open incidents per severity level, in the checklist's level order. */
export function openIncidentsBySeverity(checklist: Checklist, state: SessionState): Array<{ severity: string; count: number }> {
  const counts = new Map<string, number>();
  for (const inc of state.incidents) if (!inc.resolvedAt) counts.set(inc.severity, (counts.get(inc.severity) ?? 0) + 1);
  const order = checklist.severity.levels.map((l) => l.id);
  return [...counts.entries()]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999))
    .map(([severity, n]) => ({ severity, count: n }));
}
