// Two rules say the same thing when they fire on the same condition and recommend the same, with
// the same exception; a rule the operator judges (no condition) is the same only in the same words.
import type { RuleDraft } from './context.js';
import { levelKey, type ParsedCondition } from './severity.js';

type RuleLike = Pick<RuleDraft, 'text' | 'recommend' | 'condition' | 'unless' | 'said'>;

const words = (text: string | undefined): string => (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function conditionKey(condition: ParsedCondition): string {
  const severity = [...new Set((condition.severity ?? []).map(levelKey))].sort();
  return JSON.stringify([severity, condition.atLeast ?? 1, condition.within ?? '', condition.failedChecks ?? 0, condition.sectionKind ?? '']);
}

export function sameRule(a: RuleLike, b: RuleLike): boolean {
  if (a.recommend !== b.recommend || words(a.unless) !== words(b.unless)) return false;
  if (a.condition && b.condition) return conditionKey(a.condition) === conditionKey(b.condition);
  return !a.condition && !b.condition && words(a.said ?? a.text) === words(b.said ?? b.text);
}

const LONG = 140;

/**
 * The text to keep of two that say the same rule: the one with more to say ("any SEV1 => Rollback
 * and page the IC" over "Any SEV1 => rollback."), unless it runs long; the earlier one on a tie.
 */
export function clearerRuleText(earlier: string, later: string): string {
  const count = (text: string): number => words(text).split(' ').filter(Boolean).length;
  if ((earlier.length > LONG) !== (later.length > LONG)) return earlier.length > LONG ? later : earlier;
  return count(later) > count(earlier) ? later : earlier;
}
