// A step table's Rollback column ("| Enable for 10% | `ffctl set … 10` | `ffctl set … 1` |"): each
// cell undoes its row. Those cells become a rollback section right after the table's own, last
// row first, so that the way back is a checklist too and runs in the reverse order.
import type { ImportContext } from './context.js';
import { finishItem, newItem, type ItemDraft } from './items.js';
import { isPlaceholder } from './placeholders.js';
import type { SectionOut } from './section-builder.js';
import { commandCell, type Cell } from './tables.js';

const NOTHING_TO_UNDO = /^(?:n\/?a|none|no(?:thing)?|no rollback(?: needed)?|not needed|not applicable|—|–|-)\.?$/i;

/** The step that undoes `forward`, from its row's rollback cell; undefined when there is none. */
export function undoOf(cell: Cell, header: string, forward: ItemDraft): ItemDraft | undefined {
  if (isPlaceholder(cell.text) || NOTHING_TO_UNDO.test(cell.text.trim())) return undefined;
  const undo = newItem(`Undo: ${forward.title || forward.spans[0] || 'step'}`);
  commandCell(cell, header, undo);
  if (!undo.spans.length && !undo.description.length) undo.description.push(`${header}: ${cell.text}`);
  return undo;
}

/** The rollback section of the step tables in `forward`, or undefined when they have no rollback cells. */
export function tableRollbackSection(forward: SectionOut, undo: ItemDraft[], ctx: ImportContext): SectionOut | undefined {
  if (!undo.length || forward.kind === 'rollback') return undefined;
  const scope = { title: `Rollback: ${forward.title}`, kind: 'rollback' as const };
  const id = ctx.sectionIds.take(`${forward.id}-rollback`, 'section');
  ctx.sectionsByKind.set('rollback', [...(ctx.sectionsByKind.get('rollback') ?? []), id]);
  const description = `From the rollback column of the table in "${forward.title}": each step undoes one row, the last row first.`;
  return { id, title: scope.title, kind: 'rollback', description, items: [...undo].reverse().map((draft) => finishItem(draft, ctx, scope)) };
}
