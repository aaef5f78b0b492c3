// When the checklist snapshot is gone or no longer parses, the report is still owed: this builds a
// stand-in checklist from what the evidence itself names (sections, items, roles, commands).
import type { Checklist, ChecklistSection } from './checklist-schema.js';
import type { EvidenceEvent, EvidenceHeader } from './events.js';

export function checklistFromEvidence(header: EvidenceHeader, events: readonly EvidenceEvent[]): Checklist {
  const sections = new Map<string, ChecklistSection>();
  const roles = new Map<string, string>();
  const touch = (section: string, item?: string, run?: string): void => {
    let s = sections.get(section);
    if (!s) {
      s = { id: section, title: section, kind: 'steps', items: [] };
      sections.set(section, s);
    }
    if (item && !s.items.some((i) => i.id === item)) {
      s.items.push({ id: item, title: item, evidence: false, destructive: false, ...(run ? { run } : {}) });
    }
  };
  for (const e of events) {
    if (e.type === 'command.started' || e.type === 'item.marked' || e.type === 'destructive.refused' || e.type === 'destructive.confirmed') {
      touch(e.section, e.item, e.type === 'command.started' ? e.command : undefined);
    } else if (e.type === 'pass.started' || e.type === 'override.recorded' || e.type === 'requirements.confirmed') {
      touch(e.section);
    } else if (e.type === 'role.assigned' || e.type === 'signoff.recorded') {
      roles.set(e.role, e.role);
    }
  }
  return {
    id: header.checklist?.id ?? 'unknown',
    title: header.checklist?.title ?? 'unknown checklist',
    version: header.checklist?.version ?? '?',
    variables: [],
    roles: [...roles.keys()].map((id) => ({ id, title: id, required: false })),
    links: [],
    severity: { levels: [], rules: [] },
    sections: [...sections.values()],
  };
}
