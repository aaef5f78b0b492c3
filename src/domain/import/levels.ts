// Severity levels with their criteria: from a label and its list ("SEV0 (rollback likely):" then
// bullets), from list entries ("- **SEV1**: major degradation"), from a severity table, or from a
// heading ("### P0: Consensus Failure Detected").
import type { List } from 'mdast';
import { blockText } from './block-text.js';
import type { ImportContext, LevelDraft } from './context.js';
import { inlineText } from './inline-text.js';
import { isPlaceholder } from './placeholders.js';
import { rulesFromParagraph } from './rules.js';
import { levelKey, parseLevelLabel, recommendationIn, splitArrow, type LevelLabel } from './severity.js';
import { columnRoles, type TableData } from './tables.js';

const WORD_ONLY = /^(critical|high|major|medium|moderate|minor|low|blocker)$/i;

/** A level declared by a label; `criteria` come from what follows it. */
export function levelFromLabel(label: LevelLabel, text: string, ctx: ImportContext, criteria: string[] = []): LevelDraft {
  const level = ctx.level(label.id, text.replace(/\s*:\s*$/, '').trim());
  if (label.paren && !level.description) level.description = label.paren;
  if (label.rest && !criteria.length) level.criteria.push(label.rest);
  level.criteria.push(...criteria);
  return level;
}

export function listEntries(list: List, source: string): string[] {
  return list.children.map((entry) => entry.children.map((c) => blockText(c, source)).join('\n').trim()).filter(Boolean);
}

/** When every entry starts with a level, each becomes one (ids returned); otherwise adds nothing. */
export function levelsFromList(list: List, ctx: ImportContext): string[] | undefined {
  const entries = list.children.map((entry) => {
    const [first, ...rest] = entry.children;
    const lines = first?.type === 'paragraph' ? inlineText(first.children).split('\n') : [];
    return { lines, label: parseLevelLabel(lines[0] ?? ''), rest };
  });
  if (!entries.length || entries.some((e) => !e.label)) return undefined;
  // "- SEV2: elevated latency" with "Any SEV1 => rollback." on the next line: without a blank line
  // markdown makes the rule part of the last entry. It is a rule, not the level's words.
  const levels = entries.map(({ lines, rest }) => {
    const text = lines.filter((line, i) => i === 0 || !rulesFromParagraph(line, ctx)).join(' ');
    return { text, label: parseLevelLabel(text), rest };
  });
  const ids: string[] = [];
  for (const { text, label, rest } of levels) {
    const nested = rest.flatMap((b) => (b.type === 'list' ? listEntries(b, ctx.source) : [blockText(b, ctx.source)])).filter(Boolean);
    const short = label?.rest ? text.slice(0, text.length - label.rest.length).replace(/[\s:—–-]+$/, '') : text;
    const title = text.length <= 80 ? text : short || text;
    ids.push(levelFromLabel(label as LevelLabel, title, ctx, nested.length ? (label?.rest ? [label.rest, ...nested] : nested) : []).id);
  }
  return ids;
}

const LEVEL_COLUMN = /\b(?:severity|sev|level|priority)\b/;
/** A column saying what to do at a level: "Action: Rollback immediately" is the rule "any P1 => rollback". */
const ACTION_COLUMN = /\b(?:action|response|decision|recommend\w*|what to do|next step)\b/;
// "If related to recent deployment, rollback": a conditional rollback is one to consider.
const SOFT = /\b(?:consider|possible|possibly|may|might|if|optional(?:ly)?)\b/i;
const CRITERIA_COLUMN = /\b(?:criteria|definition|description|examples?|impact|conditions?|when|symptoms?|meaning)\b/;

function levelOfCell(text: string): LevelLabel | undefined {
  const bare = text.replace(/[`*_]/g, '').trim();
  return parseLevelLabel(bare) ?? (WORD_ONLY.test(bare) ? { id: bare.charAt(0).toUpperCase() + bare.slice(1).toLowerCase() } : undefined);
}

const CODE_ONLY = /^(?:SEV[\s-]?\d|P\d)$/i;

/**
 * The column naming the level: "Issue Severity" before "Risk Level" when a table has both. Under
 * headers in another language ("レベル | 基準 | 対応"), a column of level codes alone (SEV1, P0), in
 * a table that is not one of steps (a command or step column).
 */
function levelColumn(data: TableData): number {
  const { headers } = data;
  const severity = headers.findIndex((h) => /\b(?:severity|sev)\b/.test(h.toLowerCase()));
  const named = severity >= 0 ? severity : headers.findIndex((h) => LEVEL_COLUMN.test(h.toLowerCase()));
  if (named >= 0 || columnRoles(headers).some((r) => r === 'command' || r === 'title')) return named;
  return headers.findIndex((_, i) => {
    const cells = data.rows.map((r) => r[i]?.text.replace(/[`*_]/g, '').trim() ?? '').filter((t) => !isPlaceholder(t));
    return cells.length > 0 && cells.every((t) => CODE_ONLY.test(t));
  });
}

/** The action column by its header, or else the last column when most of its cells name a recommendation. */
function actionColumn(data: TableData, at: number): number {
  const named = data.headers.findIndex((h, i) => i !== at && ACTION_COLUMN.test(h.toLowerCase()));
  const last = data.headers.length - 1;
  if (named >= 0 || last === at || CRITERIA_COLUMN.test((data.headers[last] ?? '').toLowerCase())) return named;
  const cells = data.rows.map((r) => r[last]?.text ?? '').filter((t) => !isPlaceholder(t));
  return cells.length && cells.filter((t) => recommendationIn(t)).length * 2 >= cells.length ? last : -1;
}

/** The level keys of a column's cells, placeholders left out, and how many cells there are. */
function columnLevels(data: TableData, at: number): { ids: string[]; cells: number } {
  const rows = data.rows.filter((r) => !isPlaceholder(r[at]?.text ?? ''));
  const ids = rows.flatMap((r) => levelOfCell(r[at]?.text.replace(/\s+/g, ' ').trim() ?? '')?.id ?? []).map(levelKey);
  return { ids, cells: rows.length };
}

const mostlyLevels = ({ ids, cells }: { ids: string[]; cells: number }): boolean => cells > 0 && ids.length * 2 >= cells;

/**
 * A table that declares levels, one row each. A table with two level columns ("Risk Level | Issue
 * Severity | Decision"), or a level repeated down its column, is a decision matrix over two
 * dimensions: kept as written, since no single level decides the action.
 */
export function isSeverityTable(data: TableData): boolean {
  const at = levelColumn(data);
  if (at < 0) return false;
  const levels = columnLevels(data, at);
  const levelColumns = data.headers.filter((h, i) => LEVEL_COLUMN.test(h.toLowerCase()) && mostlyLevels(columnLevels(data, i))).length;
  return mostlyLevels(levels) && levelColumns < 2 && new Set(levels.ids).size === levels.ids.length;
}

function actionRule(levelId: string, action: string, ctx: ImportContext): void {
  const kind = recommendationIn(action);
  if (!kind) return;
  const recommend = kind === 'rollback' && SOFT.test(action) ? 'consider-rollback' : kind;
  ctx.rule(`any ${levelId} => ${action}`, recommend, { atLeast: 1, severity: [levelId] }, undefined, `${levelId} ${recommend}`);
}

/** Adds the levels of a severity table; returns their ids. Rows with no level stay as text. */
export function levelsFromTable(data: TableData, ctx: ImportContext): { ids: string[]; leftover: string[] } {
  const at = levelColumn(data);
  const act = actionColumn(data, at);
  const ids: string[] = [];
  const leftover: string[] = [];
  for (const row of data.rows) {
    const cellText = row[at]?.text.replace(/\s+/g, ' ').trim() ?? '';
    const label = levelOfCell(cellText);
    if (!label) {
      if (!row.every((c) => isPlaceholder(c.text))) leftover.push(row.map((c) => c.text).join(' | '));
      continue;
    }
    const criteria: string[] = [];
    const notes: string[] = [];
    row.forEach((cell, i) => {
      if (i === at || isPlaceholder(cell.text)) return;
      const header = data.headers[i] ?? '';
      if (CRITERIA_COLUMN.test(header.toLowerCase())) criteria.push(...cell.text.split('\n').map((l) => l.trim()).filter(Boolean));
      else notes.push(`${header}: ${cell.text.replace(/\n/g, '; ')}`);
    });
    const level = levelFromLabel(label, cellText, ctx, criteria);
    if (notes.length) level.description = [level.description, ...notes].filter(Boolean).join('\n');
    ids.push(level.id);
    const action = act >= 0 ? row[act]?.text.replace(/\s+/g, ' ').trim() : undefined;
    if (action) actionRule(level.id, action, ctx);
  }
  return { ids, leftover };
}

/**
 * "- 🔴 **SEV1** — hit ratio < 50% → rollback": each entry a level, its criteria and what to do,
 * as a severity table's row with an action column. Undefined unless every entry is one.
 */
export function levelActionsFromList(list: List, ctx: ImportContext): string[] | undefined {
  const entries = list.children.map((entry) => {
    const [first, ...rest] = entry.children;
    const sides = !rest.length && first?.type === 'paragraph' ? splitArrow(inlineText(first.children, ' ')) : undefined;
    const label = sides ? parseLevelLabel(sides.lhs) : undefined;
    return sides?.rhs && label ? { label, action: sides.rhs } : undefined;
  });
  if (!entries.length || entries.some((e) => !e) || !entries.some((e) => e && recommendationIn(e.action))) return undefined;
  return entries.map((entry) => {
    const { label, action } = entry as { label: LevelLabel; action: string };
    const level = levelFromLabel(label, label.id, ctx);
    level.description = [level.description, `Action: ${action}`].filter(Boolean).join('\n');
    actionRule(level.id, action, ctx);
    return level.id;
  });
}
