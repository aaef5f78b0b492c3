// Section kind from the words of a heading. The earliest keyword wins ("Smoke checks after
// rollback" is smoke), except that roll-forward beats rollback and playbook beats triage.
import type { SectionKindName } from '../checklist-schema.js';

const KEYWORDS: Array<[SectionKindName, RegExp]> = [
  ['rollforward', /\broll[- ]?forward\b|\bre-?cutover\b/],
  ['rollback', /\broll[- ]?back\b|\bback[- ]?out\b|\brevert(?:ing)?\b/],
  ['signoff', /\bsign[- ]?offs?\b|\bapprovals?\b/],
  ['gates', /\bgates?\b|\bgo\s*\/\s*no[- ]?go\b|\bgo[- ]no[- ]go\b|\bpre-?conditions?\b|\bpre-?requisites?\b|\bpre-?flight\b|\breadiness\b|\bpre-?checks?\b|\bentry criteria\b/],
  ['timeline', /\btimeline\b|\bschedule\b|\brun[- ]?sheet\b|\bt\s?[-+]\s?\d+/],
  ['smoke', /\bsmoke\b|\bverif(?:y|ication)\b|\bvalidat(?:e|ion)\b|\bhealth\b|\bsanity\b|\bpost[- ]?checks?\b/],
  ['playbook', /\bplaybooks?\b|\bfirst[- ]response\b/],
  ['triage', /\btriage\b|\bincidents?\b|\bseverity\b|\bsev\b|\bescalation\b|\bdecision rules?\b/],
];

/** "2) Execute", "1.2 Backup", "IV. Rollback" -> the words after the number. */
export function stripNumbering(title: string): string {
  return title.replace(/^\s*(?:\d+(?:\.\d+)*[.):]?|[IVX]+[.)])\s+/, '').trim() || title.trim();
}

export function inferKind(title: string): SectionKindName | undefined {
  const text = stripNumbering(title).toLowerCase();
  const found = new Map<SectionKindName, number>();
  for (const [kind, pattern] of KEYWORDS) {
    const match = pattern.exec(text);
    if (match) found.set(kind, match.index);
  }
  let best: SectionKindName | undefined;
  for (const [kind, index] of found) if (best === undefined || index < (found.get(best) as number)) best = kind;
  if (best === 'rollback' && found.has('rollforward')) return 'rollforward';
  if (best === 'triage' && found.has('playbook')) return 'playbook';
  return best;
}
