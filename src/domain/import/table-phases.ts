// A step table with a Phase column ("Prep | Cutover | Verify | Rollback"): the rows of a phase whose
// words name another kind of section (Verify: smoke, Rollback: rollback) become that section, right
// after the table's own, so that running the steps never runs the rollback rows with them.
import type { SectionKindName } from '../checklist-schema.js';
import type { ImportContext } from './context.js';
import { slugify } from './ids.js';
import { finishItem, type ItemDraft } from './items.js';
import type { SectionOut } from './section-builder.js';
import { inferKind } from './section-kind.js';

interface Phase {
  name: string;
  kind: SectionKindName;
  drafts: ItemDraft[];
}

/** The drafts that stay in the table's section, and the phases that leave it, in table order. */
export function splitPhases(drafts: ItemDraft[], own: SectionKindName): { keep: ItemDraft[]; phases: Phase[] } {
  const names = new Set(drafts.flatMap((d) => (d.phase ? [d.phase] : [])));
  const phases: Phase[] = [];
  if (names.size < 2) return { keep: drafts, phases };
  const keep: ItemDraft[] = [];
  for (const draft of drafts) {
    const kind = draft.phase ? inferKind(draft.phase) : undefined;
    if (!draft.phase || !kind || kind === own || kind === 'steps') {
      keep.push(draft);
      continue;
    }
    const phase = phases.find((p) => p.name === draft.phase) ?? { name: draft.phase, kind, drafts: [] };
    if (!phase.drafts.length) phases.push(phase);
    phase.drafts.push(draft);
  }
  return { keep, phases };
}

export function phaseSection(forward: SectionOut, phase: Phase, ctx: ImportContext): SectionOut {
  const scope = { title: `${forward.title}: ${phase.name}`, kind: phase.kind };
  const id = ctx.sectionIds.take(`${forward.id}-${slugify(phase.name, 3)}`, 'section');
  ctx.sectionsByKind.set(phase.kind, [...(ctx.sectionsByKind.get(phase.kind) ?? []), id]);
  const description = `The "${phase.name}" rows of the table in "${forward.title}".`;
  return { id, title: scope.title, kind: phase.kind, description, items: phase.drafts.map((draft) => finishItem(draft, ctx, scope)) };
}
