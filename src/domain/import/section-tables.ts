// A table in a section (markdown, or simple HTML): roles, severity levels, steps, or kept as written.
import type { RootContent, Table } from 'mdast';
import { isSeverityTable, levelsFromTable } from './levels.js';
import { isRolesTable, rolesFromTable } from './roles.js';
import type { SectionBuilder } from './section-builder.js';
import { columnRoles, isStepTable, tableData, tableToItems, type TableData } from './tables.js';
import { sourceOf } from './markdown-tree.js';
import { newItem } from './items.js';

export function handleTable(table: Table, leadIn: string | undefined, section: SectionBuilder): void {
  handleTableData(tableData(table), sourceOf(table, section.ctx.source), leadIn, section);
}

/** `written`: the table as written, kept when its rows map to nothing. */
export function handleTableData(data: TableData, written: string, leadIn: string | undefined, section: SectionBuilder): void {
  const { ctx, scope } = section;
  if (isRolesTable(data.headers)) {
    const titles = rolesFromTable(data, ctx);
    // Under a sign-off heading, "Name | Role | Date | Signature" rows are the sign-offs to collect.
    if (scope.kind === 'signoff') section.items.push(...titles.map((title) => ({ ...newItem(`${title} signs off`), owner: ctx.role(title), evidence: true })));
    return void section.mapped.push(`Roles imported: ${titles.join(', ')}.`);
  }
  if (isSeverityTable(data)) {
    const { ids, leftover } = levelsFromTable(data, ctx);
    section.description.push(...leftover);
    return void section.mapped.push(`Severity levels imported into severity.levels: ${ids.join(', ')}.`);
  }
  if (isStepTable(columnRoles(data.headers)) && data.rows.length) {
    const items = tableToItems(data, ctx);
    if (leadIn && /\bevidence\b/i.test(leadIn)) items.forEach((item) => (item.evidence = true));
    return void section.items.push(...items);
  }
  section.description.push(written);
  ctx.keep(`${data.rows.length ? 'table' : 'empty table'} (${data.headers.join(' | ')})`, scope.title);
}

/** A table of steps (not roles, not severity levels) with at least one row. */
export function isStepTableBlock(block: RootContent): boolean {
  if (block.type !== 'table') return false;
  const data = tableData(block);
  return data.rows.length > 0 && isStepTable(columnRoles(data.headers)) && !isRolesTable(data.headers) && !isSeverityTable(data);
}
