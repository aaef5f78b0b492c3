// After a rollback or roll-forward decision the operator walks that section next: the main view
// opens on it, on its first item still pending, and the feedback line says so.
import type { Checklist, ChecklistSection } from '../../../domain/checklist-schema.js';
import type { DecisionKind } from '../../../domain/events.js';
import { itemState, sectionProgress } from '../../../domain/progress.js';
import type { SessionState } from '../../../domain/session-state.js';

const SECTION_KIND: Partial<Record<DecisionKind, ChecklistSection['kind']>> = {
  rollback: 'rollback',
  'roll-forward': 'rollforward',
};

export interface NextSection {
  section: ChecklistSection;
  itemId?: string;
}

/** The section of the decision's kind with something left to do (else the first of that kind). */
export function sectionAfterDecision(checklist: Checklist, state: SessionState, decision: DecisionKind): NextSection | undefined {
  const kind = SECTION_KIND[decision];
  if (!kind) return undefined;
  const sections = checklist.sections.filter((s) => s.kind === kind);
  const open = sections.find((s) => sectionProgress(checklist, state, s.id).pending > 0);
  const section = open ?? sections[0];
  if (!section) return undefined;
  const pending = section.items.find((item) => (itemState(state, section.id, item.id)?.status ?? 'pending') === 'pending');
  return { section, itemId: pending?.id ?? section.items[0]?.id };
}
