// A roles or severity table written under the title, before any section heading ("| Role | Person |
// Backup |" right below "# MySQL → Aurora cutover"), is read as it is under a heading of its own.
import type { RootContent } from 'mdast';
import type { ImportContext } from './context.js';
import { isSeverityTable, levelsFromTable } from './levels.js';
import { isRolesTable, rolesFromTable } from './roles.js';
import { tableData } from './tables.js';

/** The blocks left for the introduction, and what the tables became (for the description). */
export function readIntroTables(blocks: RootContent[], ctx: ImportContext): { blocks: RootContent[]; mapped: string[] } {
  const mapped: string[] = [];
  const rest = blocks.filter((block) => {
    if (block.type !== 'table') return true;
    const data = tableData(block);
    if (isRolesTable(data.headers)) {
      mapped.push(`Roles imported: ${rolesFromTable(data, ctx).join(', ')}.`);
      return false;
    }
    if (!isSeverityTable(data)) return true;
    const { ids, leftover } = levelsFromTable(data, ctx);
    mapped.push(...leftover, `Severity levels imported into severity.levels: ${ids.join(', ')}.`);
    return false;
  });
  return { blocks: rest, mapped };
}
