// What a headless run will do, worked out (and checked) before any evidence is written: which
// sections, in checklist order, and which items get a fault injected first.
import type { Checklist, ChecklistItem, ChecklistSection } from '../../domain/checklist-schema.js';
import { CutoverError, EXIT } from '../../domain/errors.js';

export interface PlannedItem {
  section: ChecklistSection;
  item: ChecklistItem;
  inject: boolean;
}

export function planRun(checklist: Checklist, sectionIds: string[], injectIds: string[]): PlannedItem[] {
  const known = checklist.sections.map((s) => s.id);
  const unknown = sectionIds.filter((id) => !known.includes(id));
  if (unknown.length) {
    throw new CutoverError(
      `no section ${unknown.map((id) => `"${id}"`).join(', ')} in checklist ${checklist.id}`,
      EXIT.usage,
      `sections: ${known.join(', ')}`,
    );
  }
  const sections = sectionIds.length ? checklist.sections.filter((s) => sectionIds.includes(s.id)) : checklist.sections;
  const planned = sections.flatMap((section) => section.items.map((item) => ({ section, item, inject: injectIds.includes(item.id) })));
  const injectable = planned.filter((p) => p.item.drill?.inject).map((p) => p.item.id);
  const bad = injectIds.filter((id) => !injectable.includes(id));
  if (bad.length) {
    const where = sectionIds.length ? ' in the selected sections' : '';
    const everywhere = checklist.sections.flatMap((s) => s.items.filter((i) => i.drill?.inject).map((i) => `${i.id} (section ${s.id})`));
    const hint = injectable.length
      ? `items with a fault to inject${where}: ${injectable.join(', ')}`
      : everywhere.length
        ? `none in the selected sections; items with a fault: ${everywhere.join(', ')}`
        : 'this checklist declares no faults to inject (drill.inject)';
    throw new CutoverError(`cannot inject ${bad.map((id) => `"${id}"`).join(', ')}: not an item with a drill.inject fault${where}`, EXIT.usage, hint);
  }
  return planned;
}

/** Items a headless run executes (everything with a `run`); the rest are recorded as not run. */
export function isAutomated(item: ChecklistItem): boolean {
  return item.run !== undefined && item.run.trim() !== '';
}
