// Who does a step, how long it takes and when, written beside its title rather than in fields:
// "Drain the primary (owner: DBA, ~5 min)", "Flip DNS — @oncall, T+10", "Restart [10 min]", or a
// line under it ("**Owner:** SRE", "ETA: 15 minutes"). Such annotations become `owner`, `timeout`
// and `at`; an annotation group is taken only when every part of it reads as one, so a title such
// as "Wait (until replication catches up)" stays whole.
import { isRoleName, merge, readGroup, type Annotations } from './annotation-parts.js';
import type { ImportContext } from './context.js';

export type { Annotations, Duration } from './annotation-parts.js';

// "Lower the TTL (60s)", "Set the grace period - 30s": the time is a value the step sets, not how long it takes.
const SETS_A_TIME = /\b(?:ttl|timeouts?|intervals?|delay|grace|retention|window|period|expiry|expiration|lag|latency|age|backoff|deadline|frequency|cadence|threshold|cron|schedule)\b/i;

// "Let the cache warm (10 min)": the time is what the step is about, not only a limit on it.
const WAITING = /\b(?:wait|waiting|pause|sleep|soak|hold|let\b.*\b(?:settle|warm|drain|bake)|observe|monitor|watch|bake)\b/i;

// Where annotations trail a title. After a comma they need a label or a handle:
// "Restart web, api" lists what to restart.
const TRAILING_GROUPS: Array<{ pattern: RegExp; bare: (group: string) => boolean }> = [
  { pattern: /\s*\(([^()]+)\)\s*\.?$/, bare: () => true },
  { pattern: /\s*\[([^[\]]+)\]\s*\.?$/, bare: () => true },
  { pattern: /\s+[—–]\s+([^—–]+)$/, bare: () => true },
  { pattern: /\s+-\s+([^-]+)$/, bare: () => true },
  { pattern: /,\s+([^,]+)$/, bare: (group) => /[:@]/.test(group) },
];

/** Annotation groups at the end of a title, taken off it: "Flip DNS — @oncall, T+10" -> "Flip DNS". */
export function titleAnnotations(title: string, into: Annotations, ctx: ImportContext, free: Free): string {
  let rest = title.trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const { pattern, bare } of TRAILING_GROUPS) {
      const match = pattern.exec(rest);
      const left = match ? rest.slice(0, match.index).trim() : '';
      const group = match?.[1] ?? '';
      const read: Annotations = { owners: [] };
      if (!match || !/[A-Za-z]{2}/.test(left) || !readGroup(group, read, ctx, bare(group))) continue;
      const timeOnly = read.duration && !read.owners.length && !read.at;
      if (timeOnly && !/:/.test(group) && SETS_A_TIME.test(left)) continue;
      if (!fits(read, into, free)) continue;
      merge(read, into);
      // "Wait for the exports (10 min)": how long to wait is what the step says; it stays in the title too.
      if (timeOnly && WAITING.test(left)) {
        into.durationInTitle = true;
        return rest;
      }
      rest = left.replace(/[\s,;:—–-]+$/, '');
      changed = true;
      break;
    }
  }
  return rest;
}

// "DBA: stop replication", "**Release manager** — announce", "🐺 Coordinator: post in #production".
const LEADING_ROLE = /^(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+\s*)?([A-Za-z][\w .&/-]{1,30}?)\s*(?::|\s[—–]\s)\s*(?=\S)/u;

/** A role the title starts with, taken off it: "DBA: stop replication" -> "stop replication". */
function leadingRole(title: string, into: Annotations, ctx: ImportContext, free: Free): string {
  const match = LEADING_ROLE.exec(title);
  const role = match?.[1]?.trim() ?? '';
  const rest = match ? title.slice(match[0].length) : '';
  if (!match || !free.owner || into.owners.length || !/[A-Za-z]{2}/.test(rest) || !isRoleName(role, ctx)) return title;
  into.owners.push(role);
  return rest;
}

/** A line that is only labelled annotations ("Owner: SRE", "Owner: SRE · ETA: 10 min"), read into `into`. */
export function annotationLine(line: string, into: Annotations, ctx: ImportContext, free: Free): boolean {
  const text = line.replace(/^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?/, '').replace(/[*_]/g, '').trim();
  if (!text.includes(':') && !/^(?:owner|eta|duration|timeout)\s/i.test(text)) return false;
  const read: Annotations = { owners: [] };
  if (!readGroup(text, read, ctx, false) || !fits(read, into, free)) return false;
  merge(read, into);
  return true;
}

/** Which fields the step has no value for yet (an owner column, a "T-30:" prefix already set one). */
export interface Free {
  owner: boolean;
  at: boolean;
}

/** An annotation is taken only into a field still empty: one that would overwrite stays as text. */
function fits(read: Annotations, into: Annotations, free: Free): boolean {
  const sameOwners = read.owners.join().toLowerCase() === into.owners.join().toLowerCase();
  return (
    (!read.owners.length || (free.owner && (!into.owners.length || sameOwners))) &&
    (!read.at || (free.at && (!into.at || into.at === read.at))) &&
    (!read.duration || !into.duration || into.duration.value === read.duration.value)
  );
}

/**
 * A step's title and description without their annotations, which are read into the result:
 * groups trailing the title, and lines (of the title or the description) that are only labels.
 */
export function takeAnnotations(title: string, description: string[], ctx: ImportContext, free: Free): { title: string; description: string[]; annotations: Annotations } {
  const annotations: Annotations = { owners: [] };
  const [first = '', ...more] = title.split('\n');
  const lines = [first, ...more.filter((line) => !annotationLine(line, annotations, ctx, free))];
  const trailing = titleAnnotations(lines.join(' ').replace(/\s+/g, ' ').trim().replace(/\s*:$/, ''), annotations, ctx, free);
  const bare = leadingRole(trailing, annotations, ctx, free);
  const kept = description.flatMap((entry) => {
    if (entry.includes('```')) return [entry];
    // "Part of: Stop the node, owner: Search on-call": the parent's annotations are the parent's.
    const partOf = /^Part of: (.+)$/.exec(entry)?.[1];
    if (partOf) return [`Part of: ${titleAnnotations(partOf, { owners: [] }, ctx, { owner: true, at: true })}`];
    const left = entry.split('\n').filter((line) => !annotationLine(line, annotations, ctx, free));
    return left.join('').trim() ? [left.join('\n')] : [];
  });
  return { title: bare, description: kept, annotations };
}

/** Whether anything was read. */
export function hasAnnotations(read: Annotations): boolean {
  return read.owners.length > 0 || !!read.duration || !!read.at;
}

/** Fills what a step does not say for itself from what its section says (`inherited`). */
export function inherit(own: Annotations, inherited: Annotations | undefined, free: Free): void {
  if (!inherited) return;
  if (free.owner && !own.owners.length) own.owners.push(...inherited.owners);
  if (free.at) own.at ??= inherited.at;
  own.duration ??= inherited.duration;
}

/**
 * Text of several lines -> its first line and the lines after it that are not only annotations,
 * as one title, and the annotation lines ("Owner: SRE" under "Snapshot the volume"), which go to
 * the step's description, where finishItem reads them.
 */
export function splitAnnotationLines(text: string, ctx: ImportContext): { title: string; labels: string[] } {
  const [first = '', ...more] = text.split('\n');
  const labels = more.filter((line) => annotationLine(line, { owners: [] }, ctx, { owner: true, at: true }));
  const title = [first, ...more.filter((line) => !labels.includes(line))].join(' ').replace(/\s+/g, ' ').trim();
  return { title, labels };
}
