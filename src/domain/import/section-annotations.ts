// "## Step 1: Stop producers (SRE, ~10 min)" with "**Owner:** SRE" under it: a section's heading or
// description may say who does its steps and how long they take. An owner goes to every step that
// names none. A time and an offset go to a section of one step; of several steps, the offset is
// when the first starts, and the time, the whole section's, stays in its description.
import type { ImportContext } from './context.js';
import type { ItemDraft } from './items.js';
import type { Scope } from './section-scope.js';
import { annotationLine, hasAnnotations, takeAnnotations } from './step-annotations.js';

export function headingAnnotations(scope: Scope, description: string[], drafts: ItemDraft[], ctx: ImportContext): { ownTitle: string; description: string[] } | undefined {
  if (!drafts.length) return undefined;
  const read = takeAnnotations(scope.ownTitle, description, ctx, { owner: true, at: true });
  const found = read.annotations;
  if (!hasAnnotations(found)) return undefined;
  if (drafts.length === 1) {
    (drafts[0] as ItemDraft).inherited = found;
    return { ownTitle: read.title, description: read.description };
  }
  drafts.forEach((draft, i) => (draft.inherited = { owners: found.owners, ...(i === 0 && found.at ? { at: found.at } : {}) }));
  const time = found.duration && !found.durationInTitle ? [`Estimated time: ${found.duration.written}`] : [];
  return { ownTitle: read.title, description: [...read.description, ...time] };
}

/** A paragraph made only of labelled annotations, one or more lines. */
export function isAnnotationParagraph(text: string, ctx: ImportContext): boolean {
  const scratch = { owners: [] };
  return text.split('\n').every((line) => annotationLine(line, scratch, ctx, { owner: true, at: true }));
}
