// The parts of an annotation group: "owner: DBA", "@oncall", "T+10", "~5 min", "SRE", "ETA 15
// minutes". A group is read only when every one of its parts is one of these.
import type { ImportContext } from './context.js';
import { parseOffsetPrefix } from './items.js';
import { knownRole } from './owner-roles.js';

export interface Duration {
  /** In the schema's form: "5m", "90s", "2h". */
  value: string;
  seconds: number;
  /** "~5 min", "about 10 minutes", "5-10 min", a bare "(5m)": how long it usually takes, not a limit. */
  estimate: boolean;
  written: string;
}

export interface Annotations {
  owners: string[];
  duration?: Duration;
  /** The duration was left in the title ("Wait for the exports (10 min)"). */
  durationInTitle?: boolean;
  at?: string;
}

const OWNER_LABEL = /^(?:owners?|owned by|who|responsible|assignee|assigned to|dri|performed by|executed by|executor)$/i;
// "Owner: TBD", "Owner: see below", "Who: everyone": no one in particular, kept as written.
const NO_ONE = /^(?:tbd|tba|n\/?a|none|nobody|anyone|everyone|all|any|whoever|same|see|the|as|per|\d)/i;
// A limit, as written: "Timeout: 5m", "max 10 min", "up to 5 minutes".
const LIMIT_LABEL = /^(?:timeout|time ?limit|time ?box|max(?:imum)?(?: time| duration)?)$/i;
const ESTIMATE_LABEL = /^(?:duration|(?:expected |estimated |approx(?:\.|imate)? )?(?:duration|time)|est\.?(?: time| duration)?|estimate|eta|takes|time (?:required|needed)|how long)$/i;
const OFFSET_LABEL = /^(?:at|when|time|start(?:s| at)?|scheduled|timing|offset|t-?minus)$/i;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const DURATION = /^(~|≈|approx(?:\.|imately)?\s*|about\s+|around\s+|roughly\s+|est\.?\s*|up to\s+|max(?:imum)?\.?\s*|under\s+|<=?\s*|≤\s*)?(?:(\d+(?:\.\d+)?)\s*[-–]\s*)?(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\.?(?:\s*(\d+)\s*(?:m|mins?|minutes?))?$/i;

/** "~5 min" -> { value: "5m", estimate: true }; undefined when the text is not only a duration. */
export function readDuration(text: string, limit = false): Duration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[4] ?? '').toLowerCase().charAt(0);
  const seconds = Number(match[3]) * (UNIT_SECONDS[unit] ?? 60) + Number(match[5] ?? 0) * 60;
  if (!(seconds > 0)) return undefined;
  const limited = limit || /^(?:up to|max|under|<|≤)/i.test(match[1] ?? '');
  return { value: durationText(seconds), seconds: Math.ceil(seconds), estimate: !limited, written: text.trim() };
}

/** 5400 -> "90m", 7200 -> "2h", 45 -> "45s". */
export function durationText(seconds: number): string {
  const whole = Math.ceil(seconds);
  return whole % 3600 === 0 ? `${whole / 3600}h` : whole % 60 === 0 ? `${whole / 60}m` : `${whole}s`;
}

// "Platform team", "DB on-call", "Release manager": a phrase ending in a word that names a role.
const ROLE_PHRASE = /^[A-Za-z][\w.&/ -]{0,30}\b(?:team|lead|on-?call|engineer|manager|commander|owner|admin(?:istrator)?|operator|oncall|coordinator|sre|dba)$/i;
// "Coordinator", "Incident commander" alone: a word that names nothing but a role.
const ROLE_NOUN = /^(?:coordinator|commander|administrator|operator|on-?call|oncall|approver|scribe)$/i;
// Upper-case role acronyms; not "DEV" or "PROD", which name environments as often.
const ROLE_ACRONYM = /^(?:DBA|SRE|QA|IC|NOC|SOC|OPS|PM|TL|RM|SME|EM)$/;

// "@here", "@channel": a chat mention of everyone, not an owner.
const SLACK_BROADCAST = /^@(?:here|channel|everyone|all)$/i;

export function isRoleName(text: string, ctx: ImportContext): boolean {
  return !!knownRole(text, ctx) || ROLE_ACRONYM.test(text) || ROLE_NOUN.test(text) || (ROLE_PHRASE.test(text) && text.split(/\s+/).length <= 4);
}

/** An owner value: short, no sentence in it. "DBA + SRE" names two. */
function ownersIn(value: string): string[] | undefined {
  const text = value.replace(/[`*_]/g, '').trim().replace(/\.$/, '');
  if (!text || NO_ONE.test(text) || text.length > 40 || text.split(/\s+/).length > 5 || /[.!?:;()]/.test(text)) return undefined;
  return text.split(/\s*(?:\+|&|\/|,|\band\b)\s*/i).filter(Boolean);
}

function labelledPart(label: string, value: string, into: Annotations): boolean {
  const owners = OWNER_LABEL.test(label) ? ownersIn(value) : undefined;
  if (owners?.length) {
    into.owners.push(...owners);
    return true;
  }
  const offset = OFFSET_LABEL.test(label) || ESTIMATE_LABEL.test(label) ? parseOffsetPrefix(value) : undefined;
  if (offset && !offset.rest) {
    into.at ??= offset.at;
    return true;
  }
  const limit = LIMIT_LABEL.test(label);
  const duration = limit || ESTIMATE_LABEL.test(label) ? readDuration(value, limit) : undefined;
  if (duration) into.duration ??= duration;
  return !!duration;
}

/** Adds one part ("owner: DBA", "@oncall", "T+10", "~5 min", "SRE") to `into`; false when it is none. */
function readPart(part: string, into: Annotations, ctx: ImportContext, bare: boolean): boolean {
  const text = part.replace(/[*_]/g, '').trim();
  const labelled = /^([A-Za-z][A-Za-z. ]{0,24}?)\s*[:=]\s*(.+)$/.exec(text) ?? /^(owner|eta|est\.?|duration|timeout|max)\s+(.+)$/i.exec(text);
  if (labelled) return labelledPart(labelled[1] ?? '', labelled[2] ?? '', into);
  if (!bare) return false;
  const offset = parseOffsetPrefix(text);
  const duration = readDuration(text);
  if (offset && !offset.rest) into.at ??= offset.at;
  else if (duration) into.duration ??= duration;
  else if ((/^@[\w.-]+$/.test(text) && !SLACK_BROADCAST.test(text)) || isRoleName(text, ctx)) into.owners.push(text);
  else return false;
  return true;
}

/** Every part of `group` read into `into`, or false (and `into` untouched) when one is not an annotation. */
export function readGroup(group: string, into: Annotations, ctx: ImportContext, bare: boolean): boolean {
  const parts = group.split(/\s*[,;|·•]\s*|\s+[—–]\s+/).filter((p) => p.trim());
  const read: Annotations = { owners: [] };
  // "T+5, T+10, T+15": several times are what the step is about, not one annotation.
  const offsets = parts.filter((part) => parseOffsetPrefix(part.trim())?.rest === '').length;
  const durations = parts.filter((part) => readDuration(part)).length;
  if (!parts.length || offsets > 1 || durations > 1 || !parts.every((part) => readPart(part, read, ctx, bare))) return false;
  merge(read, into);
  return true;
}

/** What `from` read, into the fields of `into` still empty. */
export function merge(from: Annotations, into: Annotations): void {
  if (!into.owners.length) into.owners.push(...from.owners);
  if (from.duration) into.duration ??= from.duration;
  if (from.at) into.at ??= from.at;
}
