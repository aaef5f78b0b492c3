// Severity levels (SEV0, SEV-1, P0, Critical...) and decision rules in the runbook's words:
// "any SEV0 => rollback unless …", "2+ SEV1 in first 24h => strongly consider rollback",
// "No-Go policy: any single gate failure blocks T0". A rule whose condition does not parse is
// kept without `when`: a manual trigger the operator judges ("Drift rate > 0.1% for 1 hour").
import type { RecommendationKind, SectionKindName } from '../checklist-schema.js';

export interface LevelLabel {
  id: string;
  /** Text after the token: "(rollback likely)" -> paren; "P0: Consensus failure" -> rest. */
  paren?: string;
  rest?: string;
}

const CODE_LEVEL = /^(SEV|Sev|sev)[\s-]?([0-9])\b|^(P)([0-9])\b/;
const WORD_LEVEL = /^(critical|high|major|medium|moderate|minor|low|blocker)(?=\s*(?:[:(]|\s[-–—]\s))/i;

/** The level a label starts with: "SEV0 (rollback likely):", "P1: High drift", "Critical: …". */
export function parseLevelLabel(text: string): LevelLabel | undefined {
  const trimmed = withoutLeadingEmoji(text);
  const code = CODE_LEVEL.exec(trimmed);
  const word = code ? undefined : WORD_LEVEL.exec(trimmed);
  const match = code ?? word;
  if (!match) return undefined;
  const written = match[0].replace(/\s+/g, '');
  const id = word ? written.charAt(0).toUpperCase() + written.slice(1).toLowerCase() : written;
  const after = trimmed.slice(match[0].length);
  const parts = /^\s*(?:\(([^)]*)\))?\s*[:\-–—]?\s*([\s\S]*?)\s*:?\s*$/.exec(after);
  const label: LevelLabel = { id };
  if (parts?.[1]?.trim()) label.paren = parts[1].trim();
  if (parts?.[2]?.trim()) label.rest = parts[2].trim();
  return label;
}

// "🔴 SEV1 — …", "🟠 P2: …": a colour mark before the level is decoration.
const LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}]+\s*)+/u;

export function withoutLeadingEmoji(text: string): string {
  return text.trim().replace(LEADING_EMOJI, '');
}

/** SEV-1, sev 1 and SEV1 name the same level. */
export function levelKey(id: string): string {
  return id.toUpperCase().replace(/[\s-]/g, '');
}

/** Recommendation named by words such as "strongly consider rollback", "blocks T0", "fix-forward". */
export function recommendationIn(text: string): RecommendationKind | undefined {
  const t = text.toLowerCase();
  const rollback = /\broll[- ]?(?:back|ing back)\b|\brevert\b|\bback[- ]?out\b|\babort\b/.test(t);
  if (rollback && /\bconsider\b/.test(t)) return 'consider-rollback';
  if (rollback) return 'rollback';
  if (/\bfix[- ]forward\b/.test(t)) return 'fix-forward';
  if (/\bblock(?:s|ed|ing|ers?)?\b|\bhold\b|\bhalt\b|\bpause\b|\bno[- ]go\b|\bstop promotion\b/.test(t)) return 'hold';
  return undefined;
}

/**
 * A lead-in that introduces rollback triggers rather than steps ("Rollback Trigger:", "Block
 * promotion if any stage shows:"); a heading may also name them ("Incident Criteria (Blockers)").
 */
export function triggerRecommendation(text: string, heading = false): RecommendationKind | undefined {
  const t = text.toLowerCase();
  const trigger =
    /\btrigger/.test(t) ||
    /\b(?:roll[- ]?back|revert|back out|abort|block\w*|halt|pause|stop|no[- ]go)\b[^.]*\bif\b/.test(t) ||
    /\bif\b[^.]*\b(?:roll[- ]?back|abort)\b/.test(t) ||
    (heading && /\b(?:incident|rollback|abort|no[- ]go|exit|failure)\s+criteria\b|\bblockers?\b/.test(t));
  if (!trigger) return undefined;
  return recommendationIn(t) ?? 'consider-rollback';
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, any: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const UNIT: Record<string, string> = { s: 's', sec: 's', secs: 's', second: 's', seconds: 's', m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm', h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', d: 'd', day: 'd', days: 'd' };
const LEVEL_WORD = String.raw`(?:SEV[\s-]?\d|P\d|critical|high|major|medium|moderate|minor|low)`;
const COUNT = String.raw`(?:at least\s+|>=\s*|≥\s*)?(\d+|a|an|any|one|single|two|three|four|five|six|seven|eight|nine|ten)(?:\s*\+|\s+or more)?\s+(?:single\s+|new\s+|open\s+)?`;
const LEVEL_TAIL = String.raw`s?\b(?:\s+(?:is|are|incidents?|issues?|events?|open|declared|detected|confirmed|occurs?))*`;
const LEVELS = new RegExp(String.raw`^${COUNT}(${LEVEL_WORD}(?:\s*(?:,|or|\/|and)\s*${LEVEL_WORD})*)${LEVEL_TAIL}`, 'i');
// "SEV0 => rollback", "P1 or P2 incident -> hold": a level code alone means any one of it. A word
// ("High => hold") needs its count, or "High latency" would read as a level.
const CODE_LEVEL_WORD = String.raw`(?:SEV[\s-]?\d|P\d)`;
const BARE_LEVELS = new RegExp(String.raw`^()(${CODE_LEVEL_WORD}(?:\s*(?:,|or|\/|and)\s*${CODE_LEVEL_WORD})*)${LEVEL_TAIL}`, 'i');
const CHECKS = new RegExp(String.raw`^${COUNT}(gate|smoke|check|item|test)[\w -]*?\s*(?:failures?|fails?|failed|failing|is red|goes red)\b`, 'i');
const FAILED_CHECKS = new RegExp(String.raw`^${COUNT}(?:failed|failing|red)\s+(gate|smoke|check|item|test)s?\b(?:\s+(?:checks?\s+)?(?:in|during)\s+(?:the\s+)?(gates?|smoke)\b)?`, 'i');
const WINDOW = /^\s*(?:(?:with)?in|during)\s+(?:the\s+)?(?:first\s+)?(\d+)\s*([a-z]+)\b/i;

export interface ParsedCondition {
  severity?: string[];
  atLeast?: number;
  within?: string;
  failedChecks?: number;
  /** With failedChecks: the kind of section counted ("gate failure" -> gates). */
  sectionKind?: SectionKindName;
}

function count(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

/** The machine condition of a rule's left-hand side, or undefined when it needs judgement. */
export function parseCondition(text: string): ParsedCondition | undefined {
  const t = text.trim().replace(/^(?:if|when)\s+/i, '');
  const checks = CHECKS.exec(t) ?? FAILED_CHECKS.exec(t);
  if (checks) {
    const noun = (checks[3] ?? checks[2] ?? '').toLowerCase().replace(/s$/, '');
    const sectionKind: SectionKindName | undefined = noun === 'gate' ? 'gates' : noun === 'smoke' ? 'smoke' : undefined;
    return { failedChecks: count(checks[1] ?? '1'), ...(sectionKind ? { sectionKind } : {}) };
  }
  const levels = LEVELS.exec(t) ?? BARE_LEVELS.exec(t);
  if (!levels) return undefined;
  const condition: ParsedCondition = { atLeast: count(levels[1] || '1') };
  condition.severity = (levels[2] ?? '').split(/\s*(?:,|\bor\b|\/|\band\b)\s*/i).map((s) => s.replace(/\s+/g, '')).filter(Boolean);
  let tail = t.slice(levels[0].length);
  const window = WINDOW.exec(tail);
  if (window) {
    const unit = UNIT[(window[2] ?? '').toLowerCase()];
    if (!unit) return undefined;
    condition.within = `${window[1]}${unit}`;
    tail = tail.slice(window[0].length);
  }
  // Anything else ("for 1 hour with no workaround") is a judgement the operator makes.
  return /^[\s.,;:]*(?:after\s+(?:t0|cutover)[\s.,;:]*)?$/i.test(tail) ? condition : undefined;
}

const ARROW_SIGN = /=>|⇒|⟹|->|→/;

/**
 * The first arrow with the whitespace on both sides of it, found without a regex that starts with
 * \s*: that one rescans a long run of spaces from each of its positions (quadratic).
 */
function findArrow(text: string): { index: number; 0: string } | undefined {
  const sign = ARROW_SIGN.exec(text);
  if (!sign) return undefined;
  let start = sign.index;
  while (start > 0 && /\s/.test(text[start - 1] ?? '')) start--;
  let end = sign.index + sign[0].length;
  while (end < text.length && /\s/.test(text[end] ?? '')) end++;
  return { index: start, 0: text.slice(start, end) };
}

/** "<left> => <right>": both sides, or undefined without an arrow. */
export function splitArrow(text: string): { lhs: string; rhs: string } | undefined {
  const arrow = findArrow(text);
  return arrow ? { lhs: text.slice(0, arrow.index).trim(), rhs: text.slice(arrow.index + arrow[0].length).trim() } : undefined;
}

/** "<condition> => <recommendation>": a rule wherever it is written. */
export function looksLikeRule(text: string): boolean {
  const arrow = findArrow(text);
  return Boolean(arrow && recommendationIn(text.slice(arrow.index + arrow[0].length)));
}

/** "… → P2, investigate": what the runbook says to do after an arrow, when it names no recommendation. */
export function otherConsequence(text: string): string | undefined {
  const arrow = findArrow(text);
  const rhs = arrow ? text.slice(arrow.index + arrow[0].length).trim() : '';
  return rhs && /[A-Za-z]/.test(rhs) && !recommendationIn(rhs) ? rhs : undefined;
}

export interface ParsedRule {
  condition?: ParsedCondition;
  recommend?: RecommendationKind;
  unless?: string;
}

const VERB = /\s+(?:requires?|means?|triggers?|blocks?|should|must|shall|leads?\s+to|results?\s+in|calls?\s+for|then)\b|[,;:]\s/i;

/** Without an arrow: "any SEV0 requires rollback" -> "any SEV0"; "Roll back if any P0" -> "any P0". */
function conditionPart(sentence: string): string {
  const afterIf = /^[^.]*?\b(?:roll[- ]?back|revert|abort|hold|block\w*)\b[^.]*?\bif\b\s+([\s\S]*)$/i.exec(sentence);
  if (afterIf) return afterIf[1] ?? '';
  return sentence.split(VERB)[0] ?? sentence;
}

/** Splits "<condition> => <recommendation> unless <exception>" (or a sentence without an arrow). */
export function parseRuleText(text: string): ParsedRule {
  const plain = text.trim().replace(/^[^:]{1,30}policy:\s*/i, '');
  const arrow = findArrow(plain);
  const lhs = arrow ? plain.slice(0, arrow.index) : conditionPart(plain);
  let rhs = arrow ? plain.slice(arrow.index + arrow[0].length) : plain;
  const out: ParsedRule = {};
  const unless = /\bunless\b\s*([\s\S]*)$/i.exec(rhs);
  if (unless) {
    out.unless = (unless[1] ?? '').replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
    rhs = rhs.slice(0, unless.index);
  }
  const recommend = recommendationIn(rhs);
  if (recommend) out.recommend = recommend;
  const condition = parseCondition(lhs);
  if (condition) out.condition = condition;
  return out;
}
