// Tables: what each column means is read from its header words, never its position. A table of
// checks or steps becomes items; roles and severity tables are handled by roles.ts / levels.ts;
// anything else is kept as written in the section description.
import type { PhrasingContent, Table } from 'mdast';
import { isCommandSpan } from './commands.js';
import type { ImportContext } from './context.js';
import { codeSpans, inlineText } from './inline-text.js';
import { newItem, parseExpectation, parseOffsetPrefix, type ItemDraft } from './items.js';
import { angleRefs, isPlaceholder } from './placeholders.js';
import { roleTitle } from './steps.js';
import { collectSpans } from './detail-steps.js';
import { isValidId } from './ids.js';
import { undoOf } from './table-rollback.js';
import { knownRole } from './owner-roles.js';
import { splitAnnotationLines } from './step-annotations.js';

export type ColumnRole = 'id' | 'time' | 'phase' | 'rollback' | 'command' | 'expect' | 'owner' | 'evidence' | 'status' | 'title' | 'label' | 'other';

export interface Cell {
  text: string;
  nodes: PhrasingContent[];
}

export interface TableData {
  headers: string[];
  rows: Cell[][];
}

const COLUMN_ROLES: Array<[ColumnRole, RegExp]> = [
  ['id', /^(?:#|no\.?|nr\.?|id|ref|(?:gate|step|check|item|task|test)\s*(?:id|#|no\.?))$/],
  ['time', /^(?:time|when|offset|at|eta|timing|t|t[-+]|t-minus|clock)$/],
  ['phase', /^(?:phase|stage|part|wave)$/],
  // Before "command": "Rollback command" says how to undo the row.
  ['rollback', /\b(?:roll[- ]?back|back[- ]?out|revert|undo)\b/],
  ['command', /\b(?:commands?|cmds?|scripts?|shell|how to (?:run|check|verify)|invocation|method)\b|^(?:run|how)\??$/],
  ['expect', /\b(?:expect(?:ed)?|pass(?:ing)?|success|acceptance|threshold)\b/],
  ['owner', /\b(?:owners?|who|responsible|assignee|assigned|dri|role|performed by|by)\b/],
  ['evidence', /\b(?:evidence|proof|artifacts?|screenshots?|output)\b/],
  ['status', /\b(?:result|status|done|completed?|outcome|actual|ok|pass\/fail)\b|^[✓✔☐☑✅x]$|^(?:go|go\s*\/\s*no[- ]?go)\s*\??$/],
  ['title', /\b(?:items?|checks?|steps?|tasks?|gates?|actions?|activity|activities|procedures?|controls?|tests?|criteri(?:on|a)|conditions?|requirements?)\b/],
  ['label', /\b(?:what|description|name|title|summary)\b/],
];

export function tableData(table: Table): TableData {
  const [head, ...body] = table.children;
  const cells = (row: typeof head): Cell[] => (row?.children ?? []).map((c) => ({ text: inlineText(c.children), nodes: c.children }));
  return { headers: cells(head).map((c) => c.text.replace(/\s+/g, ' ')), rows: body.map(cells) };
}

export function columnRoles(headers: string[]): ColumnRole[] {
  return headers.map((h) => COLUMN_ROLES.find(([, pattern]) => pattern.test(h.toLowerCase()))?.[0] ?? 'other');
}

/** A table of checks or steps: a step-like column, or a title column next to operational ones. */
export function isStepTable(roles: ColumnRole[]): boolean {
  const operational = roles.some((r) => r === 'command' || r === 'expect' || r === 'owner' || r === 'evidence' || r === 'time');
  return roles.includes('title') || (operational && (roles.includes('label') || roles.includes('command')));
}

export function isBlankRow(row: Cell[]): boolean {
  return row.every((c) => isPlaceholder(c.text));
}

export function commandCell(cell: Cell, header: string, draft: ItemDraft): void {
  // A cell that is only `true` or `./deploy.sh` in a command column is that command, even without "run".
  const alone = cell.nodes.length === 1 && cell.nodes[0]?.type === 'inlineCode';
  const spans = codeSpans(cell.nodes).filter(({ code, before, after }) => isCommandSpan(code, alone ? 'run' : before, after));
  const plain = !cell.nodes.some((n) => n.type === 'inlineCode') && isCommandSpan(cell.text);
  spans.forEach(({ code }) => draft.spans.push(code.trim().replace(/^\$\s+/, '')));
  if (plain) draft.spans.push(cell.text.trim());
  // Text around the commands ("run on each node") is kept; the commands alone are not repeated.
  const rest = spans.reduce((text, { code }) => text.replace(code, ''), cell.text).replace(/\b(?:and|or|then|run)\b/gi, '');
  if (!plain && /[A-Za-z0-9]/.test(rest)) draft.description.push(`${header}: ${cell.text}`);
}

function rowToItem(row: Cell[], data: TableData, roles: ColumnRole[], ctx: ImportContext, index: number): ItemDraft {
  const titleColumn = [roles.indexOf('title'), roles.indexOf('label'), roles.indexOf('other')].find((i) => i >= 0 && !isPlaceholder(row[i]?.text ?? ''));
  // "Drain the primary<br>Owner: DBA": a line under the title that only annotates it is not the title.
  const { title, labels } = splitAnnotationLines(titleColumn === undefined ? '' : (row[titleColumn]?.text ?? ''), ctx);
  const draft = newItem(title);
  draft.description.push(...labels);
  let undo: { cell: Cell; header: string } | undefined;
  if (titleColumn !== undefined) collectSpans(row[titleColumn]?.nodes ?? [], draft);
  row.forEach((cell, i) => {
    const role = roles[i] ?? 'other';
    const header = data.headers[i] || `Column ${i + 1}`;
    if (/evidence/i.test(header)) draft.evidence = true;
    const text = cell.text;
    // `<release-manager>` in an owner column names a role; elsewhere `<…>` is a blank to fill in.
    const refs = role === 'owner' ? angleRefs(text) : [];
    if (i === titleColumn || (isPlaceholder(text) && !refs.length)) return;
    if (role === 'command') return commandCell(cell, header, draft);
    if (role === 'rollback') undo = { cell, header };
    if (role === 'expect') draft.expect = parseExpectation(text.replace(/\n/g, ' '));
    else if (role === 'id' && /^\d+(?:\.\d+)*[.)]?$/.test(text.trim())) return; // a row number: the order keeps it
    else if (role === 'id' && /[A-Za-z]/.test(text) && isValidId(text.trim())) draft.explicitId = text.trim();
    else if (role === 'time' && parseOffsetPrefix(text)?.rest === '') draft.at = parseOffsetPrefix(text)?.at;
    else if (role === 'owner') {
      const owners = refs.length ? refs.map(roleTitle) : [text.replace(/[`*_]/g, '').trim()];
      const ids = owners.map((o) => knownRole(o, ctx) ?? (/^@[\w.-]+$/.test(o) ? ctx.role(o.slice(1), { name: o }) : ctx.role(o)));
      draft.owner = ids[0];
      if (owners.length > 1) draft.description.push(`${header}: ${text}`);
    } else draft.description.push(`${header}: ${text}`);
    if (role === 'phase') draft.phase = text.replace(/\s+/g, ' ').trim();
  });
  if (!draft.title && !draft.spans.length) draft.title = `Row ${index + 1}`;
  if (undo) draft.undo = undoOf(undo.cell, undo.header, draft);
  return draft;
}

/** A "Step" column holding only 1, 2, 3… numbers the rows; it is not the title. */
function numberingColumns(data: TableData, roles: ColumnRole[]): ColumnRole[] {
  return roles.map((role, i) => {
    if (role !== 'title' && role !== 'label') return role;
    const cells = data.rows.map((row) => row[i]?.text.trim() ?? '').filter((text) => !isPlaceholder(text));
    return cells.length && cells.every((text) => /^\d+(?:\.\d+)*[.)]?$/.test(text)) ? 'id' : role;
  });
}

/** The rows of a step table as items; blank template rows are skipped (and counted). */
export function tableToItems(data: TableData, ctx: ImportContext): ItemDraft[] {
  const roles = numberingColumns(data, columnRoles(data.headers));
  const items: ItemDraft[] = [];
  data.rows.forEach((row, index) => {
    if (isBlankRow(row)) ctx.blankRows++;
    else items.push(rowToItem(row, data, roles, ctx, index));
  });
  return items;
}
