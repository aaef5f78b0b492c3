// Whether the operator has acted on what the rules recommend: a decision taken after the top rule
// fired and after the newest evidence it counts. The recommendation stays while its condition
// holds (a SEV0 stays open until resolved), but the header then says it was decided, so a rollback
// already under way does not read as one nobody answered; a new SEV0 or another failed check after
// the decision makes it unanswered again.
import { RECOMMENDATION_LABEL, type Evaluation } from './severity-rules.js';
import type { SessionState } from './session-state.js';

export type TakenDecision = SessionState['decisions'][number];

/** The latest decision taken since the strongest firing rule fired and its newest evidence, if any. */
export function decisionOnRecommendation(evaluation: Evaluation, state: SessionState): TakenDecision | undefined {
  const top = evaluation.firing[0];
  const fired = top ? state.firedRules[top.rule.id] : undefined;
  const latest = state.decisions.at(-1);
  if (!top || !latest) return undefined;
  // rule.fired can be missing (the writer died between an incident and its rule.fired): the
  // evidence's own time still says whether the decision saw it.
  const since = Math.max(Date.parse(top.evidenceAt), fired ? Date.parse(fired.at) : -Infinity);
  return Date.parse(latest.at) >= since ? latest : undefined;
}

/**
 * The headline with the decision taken on it right after the label, where a truncated header line
 * still shows it: `ROLLBACK RECOMMENDED · rollback decided T+00:35 — SEV0 open: any SEV0 => rollback`.
 */
export function headlineWithDecision(evaluation: Evaluation, state: SessionState, offset: (iso: string) => string): string {
  const taken = decisionOnRecommendation(evaluation, state);
  if (!taken) return evaluation.headline;
  const label = RECOMMENDATION_LABEL[evaluation.recommendation];
  const rest = evaluation.headline.startsWith(label) ? evaluation.headline.slice(label.length) : ` — ${evaluation.headline}`;
  return `${label} · ${taken.decision} decided ${offset(taken.at)} by ${taken.by}${rest}`;
}
