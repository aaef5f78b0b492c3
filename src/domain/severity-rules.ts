// Evaluates the checklist's severity rules against session state: which rules fire and what the
// strongest recommendation is. Pure: the caller records rule.fired / rule.cleared transitions.
import type { Checklist, RecommendationKind, SeverityRuleDef } from './checklist-schema.js';
import { parseDuration } from './duration.js';
import type { EventBody } from './events.js';
import type { ItemState, SessionState } from './session-state.js';
import { soakRunOutcome } from './soak-tally.js';
import { plural } from './plural.js';

type RuleCondition = NonNullable<SeverityRuleDef['when']>;

export interface FiringRule {
  rule: SeverityRuleDef;
  reason: string;
  /**
   * When the newest evidence the rule counts was recorded (an incident declared, a check failing):
   * a decision taken before it was taken without that evidence.
   */
  evidenceAt: string;
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

interface Counted {
  count: number;
  /** ISO times the counted evidence was recorded. */
  times: string[];
}

interface Windowed {
  /** Largest number of timestamps that fit in any window of `windowMs`. */
  best: number;
  /** The timestamps in some window holding at least `atLeast` of them: the ones the rule counts. */
  counted: string[];
}

function countInWindow(times: string[], windowMs: number, atLeast: number): Windowed {
  const sorted = [...times].sort((a, b) => Date.parse(a) - Date.parse(b));
  const counted = new Set<string>();
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (Date.parse(sorted[end] as string) - Date.parse(sorted[start] as string) > windowMs) start++;
    best = Math.max(best, end - start + 1);
    if (end - start + 1 >= atLeast) sorted.slice(start, end + 1).forEach((at) => counted.add(at));
  }
  return { best, counted: [...counted] };
}

const earlier = (a: string | undefined, b: string | undefined): string | undefined => (!a || !b ? (a ?? b) : Date.parse(a) <= Date.parse(b) ? a : b);

/** Statuses an operator or a finished soak gave the item: its result, whatever its runs did. */
const JUDGED: ReadonlySet<ItemState['status']> = new Set(['pass', 'skip', 'not-run']);

/**
 * When a check of the current pass failed, or undefined while it has not. A soak has failed from
 * its first failing run on, though its next run shows it running, its mark comes at its end, and
 * a crash mid-soak leaves it interrupted. A failed check run again has still failed while the
 * re-run is under way or after it was cut short (a crash): only a new result replaces the failure.
 */
function failedAt(item: ItemState, state: SessionState): string | undefined {
  const soakRuns = item.soakFrom === undefined ? [] : item.runIds.slice(item.soakFrom).map((id) => state.runs[id]);
  const soakFailure = soakRuns.find((run) => run && soakRunOutcome(run) === 'fail')?.finished?.ts;
  if (item.status === 'fail') return earlier(soakFailure, item.markedAt) ?? state.lastEventAt;
  if (JUDGED.has(item.status)) return undefined;
  return earlier(soakFailure, item.result?.status === 'fail' ? item.result.at : undefined);
}

function failedChecks(when: RuleCondition, state: SessionState): Counted {
  const sections = sectionsOf(when);
  const items = Object.values(state.items).filter((it) => !sections || sections.includes(it.section));
  const times = items.map((it) => failedAt(it, state)).filter((at): at is string => at !== undefined);
  return { count: times.length, times };
}

function incidents(when: RuleCondition, state: SessionState): Counted {
  const levels = severityLevels(when);
  const counted = state.incidents.filter((inc) => (!levels || levels.includes(inc.severity)) && (when.includeResolved || !inc.resolvedAt));
  const times = counted.map((inc) => inc.declaredAt);
  const windowMs = when.within ? parseDuration(when.within) : undefined;
  if (windowMs === undefined) return { count: counted.length, times };
  // An incident outside every window that reaches the threshold is not evidence for the rule: it
  // must not make a decision on it look unanswered.
  const { best, counted: inWindows } = countInWindow(times, windowMs, when.atLeast);
  return { count: best, times: inWindows };
}

/** A field that takes one name or a list of them, as a list; undefined when left out (no restriction). */
const namesIn = (value: string | string[] | undefined): string[] | undefined => (value === undefined ? undefined : [value].flat());
const sectionsOf = (when: RuleCondition): string[] | undefined => namesIn(when.section);
const severityLevels = (when: RuleCondition): string[] | undefined => namesIn(when.severity);

function reasonFor(when: RuleCondition, count: number): string {
  if (when.failedChecks !== undefined) {
    const where = when.section ? ` in ${sectionsOf(when)?.join(', ')}` : '';
    return `${plural(count, 'check')} failed${where}`;
  }
  const levels = severityLevels(when);
  const what = levels ? levels.join('/') : 'incident';
  const state_ = when.includeResolved ? 'declared' : 'open';
  const window = when.within ? ` within ${when.within}` : '';
  return count === 1 ? `${what} ${state_}` : `${count} ${what} ${state_}${window}`;
}

function evaluateRule(rule: SeverityRuleDef, state: SessionState): FiringRule | undefined {
  const when = rule.when;
  if (!when) return undefined;
  const { count, times } = when.failedChecks !== undefined ? failedChecks(when, state) : incidents(when, state);
  if (count < (when.failedChecks ?? when.atLeast)) return undefined;
  const evidenceAt = times.reduce((latest, at) => (Date.parse(at) > Date.parse(latest) ? at : latest), times[0] ?? state.lastEventAt);
  return { rule, reason: reasonFor(when, count), evidenceAt };
}

/** Rule text and `unless` as one line: a YAML block scalar brings its line breaks along. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function headlineOf({ rule, reason }: FiringRule): string {
  const unless = oneLine(rule.unless ?? '').replace(/^unless\s+/i, '');
  return `${RECOMMENDATION_LABEL[rule.recommend]} — ${reason}: ${oneLine(rule.text)}${unless ? ` (unless ${unless})` : ''}`;
}

export function evaluateRules(checklist: Checklist, state: SessionState): Evaluation {
  const firing = checklist.severity.rules.map((rule) => evaluateRule(rule, state)).filter((f): f is FiringRule => f !== undefined);
  // Among rules recommending the same, the one with the newest evidence leads: it is what a
  // decision taken before it has not seen.
  firing.sort((a, b) => STRENGTH[b.rule.recommend] - STRENGTH[a.rule.recommend] || Date.parse(b.evidenceAt) - Date.parse(a.evidenceAt));
  const top = firing[0];
  if (!top) return { recommendation: 'none', firing, headline: 'No rule firing' };
  return { recommendation: top.rule.recommend, firing, headline: headlineOf(top) };
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
