// Evaluates the checklist's severity rules against session state: which rules fire and what the
// strongest recommendation is. Pure: the caller records rule.fired / rule.cleared transitions.
import type { Checklist, RecommendationKind, SeverityRuleDef } from './checklist-schema.js';
import { parseDuration } from './duration.js';
import type { EventBody } from './events.js';
import type { SessionState } from './session-state.js';

export interface FiringRule {
  rule: SeverityRuleDef;
  reason: string;
}

export interface Evaluation {
  recommendation: RecommendationKind | 'none';
  firing: FiringRule[];
  /** One line for the header, e.g. `ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback`. */
  headline: string;
}

const STRENGTH: Record<RecommendationKind, number> = { rollback: 4, 'consider-rollback': 3, hold: 2, 'fix-forward': 1 };

export const RECOMMENDATION_LABEL: Record<RecommendationKind | 'none', string> = {
  rollback: 'ROLLBACK RECOMMENDED',
  'consider-rollback': 'CONSIDER ROLLBACK',
  hold: 'HOLD',
  'fix-forward': 'FIX FORWARD',
  none: 'no rule firing',
};

/** Largest number of timestamps that fit in any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) > windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

function evaluateRule(rule: SeverityRuleDef, state: SessionState): string | undefined {
  const when = rule.when;
  if (!when) return undefined;
  if (when.failedChecks !== undefined) {
    const failed = Object.values(state.items).filter((it) => it.status === 'fail' && (!when.section || it.section === when.section));
    if (failed.length < when.failedChecks) return undefined;
    const where = when.section ? ` in ${when.section}` : '';
    return `${failed.length} check${failed.length === 1 ? '' : 's'} failed${where}`;
  }
  const levels = when.severity === undefined ? undefined : Array.isArray(when.severity) ? when.severity : [when.severity];
  const counted = state.incidents.filter(
    (inc) => (!levels || levels.includes(inc.severity)) && (when.includeResolved || !inc.resolvedAt),
  );
  const windowMs = when.within ? parseDuration(when.within) : undefined;
  const count = windowMs === undefined ? counted.length : maxInWindow(counted.map((inc) => Date.parse(inc.declaredAt)), windowMs);
  if (count < when.atLeast) return undefined;
  const what = levels ? levels.join('/') : 'incident';
  const state_ = when.includeResolved ? 'declared' : 'open';
  const window = when.within ? ` within ${when.within}` : '';
  return count === 1 ? `${what} ${state_}` : `${count} ${what} ${state_}${window}`;
}

export function evaluateRules(checklist: Checklist, state: SessionState): Evaluation {
  const firing: FiringRule[] = [];
  for (const rule of checklist.severity.rules) {
    const reason = evaluateRule(rule, state);
    if (reason) firing.push({ rule, reason });
  }
  firing.sort((a, b) => STRENGTH[b.rule.recommend] - STRENGTH[a.rule.recommend]);
  const top = firing[0];
  if (!top) return { recommendation: 'none', firing, headline: 'No rule firing' };
  const unless = top.rule.unless ? ` (unless ${top.rule.unless})` : '';
  return {
    recommendation: top.rule.recommend,
    firing,
    headline: `${RECOMMENDATION_LABEL[top.rule.recommend]} — ${top.reason}: ${top.rule.text}${unless}`,
  };
}

/** Rules without a machine condition: triggers the operator has to judge (shown in triage). */
export function manualTriggers(checklist: Checklist): SeverityRuleDef[] {
  return checklist.severity.rules.filter((rule) => !rule.when);
}

/** The rule.fired / rule.cleared events that bring the evidence in line with what fires now. */
export function ruleChanges(evaluation: Evaluation, state: SessionState): EventBody[] {
  const fired = state.firedRules;
  const changes: EventBody[] = [];
  for (const { rule, reason } of evaluation.firing) {
    if (!fired[rule.id]) changes.push({ type: 'rule.fired', rule: rule.id, recommend: rule.recommend, text: rule.text, reason });
  }
  for (const ruleId of Object.keys(fired)) {
    if (!evaluation.firing.some((f) => f.rule.id === ruleId)) changes.push({ type: 'rule.cleared', rule: ruleId, reason: 'condition no longer holds' });
  }
  return changes;
}
