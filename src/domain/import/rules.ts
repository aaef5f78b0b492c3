// Severity rules from trigger lists ("Rollback Trigger:", "Block promotion if any stage shows:")
// and from sentences that state a full rule ("No-Go policy: any single gate failure blocks T0").
import type { List } from 'mdast';
import type { RecommendationKind } from '../checklist-schema.js';
import { blockText } from './block-text.js';
import type { ImportContext } from './context.js';
import type { SectionScope } from './items.js';
import { parseRuleText } from './severity.js';

const SELF_EXPLAINING = new Set(['triage', 'rollback', 'gates']);

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[,;]$|\s+(?:and|or)$/i, '').trim();
}

/** Each entry of a trigger list becomes a rule; its condition is parsed when it can be. */
export function rulesFromList(list: List, leadIn: string | undefined, fallback: RecommendationKind, ctx: ImportContext, scope: SectionScope): number {
  let added = 0;
  for (const entry of list.children) {
    const own = clean(entry.children.map((c) => blockText(c, ctx.source)).join(' — ').replace(/\n\s*[-*]\s+/g, '; '));
    if (!own) continue;
    const parsed = parseRuleText(own);
    const label = leadIn ? `${leadIn.replace(/\s*:\s*$/, '')}: ` : '';
    const where = SELF_EXPLAINING.has(scope.kind) ? '' : ` (${scope.title})`;
    ctx.rule(`${label}${own}${where}`, parsed.recommend ?? fallback, parsed.condition, parsed.unless, own);
    added++;
  }
  return added;
}

/** A paragraph that states a complete rule (condition and recommendation); false otherwise. */
export function ruleFromSentence(text: string, ctx: ImportContext): boolean {
  const parsed = parseRuleText(text);
  if (!parsed.condition || !parsed.recommend) return false;
  ctx.rule(clean(text), parsed.recommend, parsed.condition, parsed.unless);
  return true;
}
