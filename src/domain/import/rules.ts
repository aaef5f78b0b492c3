// Severity rules from trigger lists ("Rollback Trigger:", "Block promotion if any stage shows:")
// and from sentences that state a full rule ("No-Go policy: any single gate failure blocks T0").
import type { List } from 'mdast';
import type { RecommendationKind } from '../checklist-schema.js';
import { blockText } from './block-text.js';
import type { ImportContext } from './context.js';
import type { SectionScope } from './items.js';
import { looksLikeRule, otherConsequence, parseRuleText, recommendationIn } from './severity.js';
import { joinLines } from './line-breaks.js';

const SELF_EXPLAINING = new Set(['triage', 'rollback', 'gates']);

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[,;]$|\s+(?:and|or)$/i, '').trim();
}

/** Each entry of a trigger list becomes a rule; its condition is parsed when it can be. Returns how many were new. */
export function rulesFromList(list: List, leadIn: string | undefined, fallback: RecommendationKind, ctx: ImportContext, scope: SectionScope): number {
  let added = 0;
  for (const entry of list.children) {
    const own = clean(entry.children.map((c) => blockText(c, ctx.source)).join(' — ').replace(/\n\s*[-*]\s+/g, '; '));
    if (!own) continue;
    const parsed = parseRuleText(own);
    const label = leadIn ? `${leadIn.replace(/\s*:\s*$/, '')}: ` : '';
    const where = SELF_EXPLAINING.has(scope.kind) ? '' : ` (${scope.title})`;
    // "TLS errors → P2, investigate" under "Abort criteria": the entry's own answer is milder than the list's.
    const recommend = parsed.recommend ?? (fallback === 'rollback' && otherConsequence(own) ? 'consider-rollback' : fallback);
    if (ctx.rule(`${label}${own}${where}`, recommend, parsed.condition, parsed.unless, own)) added++;
  }
  return added;
}

// "Rollback if: any failed smoke at T+5 …", "Abort if the error rate …": a trigger the operator judges.
// "Abort and roll back if …" too.
const MANUAL_TRIGGER = /^(?:roll[- ]?back|revert|abort|back[- ]?out|no[- ]go|stop)(?:\s+and\s+(?:roll[- ]?back|revert|back[- ]?out))?\s+(?:immediately\s+)?(?:if|when)\b/i;
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|incl|cf|no)\.$/i;

function sentences(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/(?<=[.!?])\s+(?=[A-Z0-9"'(*`])/)) {
    const last = out[out.length - 1];
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** One sentence as a rule: a full rule ("any SEV0 => rollback"), or a manual rollback trigger. */
function ruleFromSentence(sentence: string, ctx: ImportContext): boolean {
  const text = sentence.trim().replace(/^[^:]{1,30}\brules?:\s*/i, '');
  const parsed = parseRuleText(text);
  if (parsed.condition && parsed.recommend) {
    ctx.rule(clean(sentence), parsed.recommend, parsed.condition, parsed.unless, text);
    return true;
  }
  // "Any red cluster health => rollback": a rule whose condition the operator judges.
  if (!MANUAL_TRIGGER.test(text) && !looksLikeRule(text)) return false;
  ctx.rule(clean(sentence), recommendationIn(text) ?? 'consider-rollback', undefined, parsed.unless, text);
  return true;
}

/**
 * Each sentence of a paragraph that states a rule becomes one; false when none does. Rules are
 * often written one per line without a full stop, so each line is read on its own first.
 */
export function rulesFromParagraph(text: string, ctx: ImportContext): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  const parts = lines.length > 1 && lines.every((l) => parseRuleText(l).recommend) ? lines : [joinLines(text)];
  let found = false;
  for (const sentence of parts.flatMap(sentences)) found = ruleFromSentence(sentence, ctx) || found;
  return found;
}
