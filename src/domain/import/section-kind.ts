// Section kind from the words of a heading (English, and the commonest German, French and Spanish
// ones). The earliest keyword wins ("Smoke checks after rollback" is smoke), except that
// roll-forward beats rollback and playbook beats triage.
import type { SectionKindName } from '../checklist-schema.js';

const KEYWORDS: Array<[SectionKindName, RegExp]> = [
  ['rollforward', /\broll[- ]?forward\b|\bre-?cutover\b/],
  ['rollback', /\broll[- ]?back\b|\bback[- ]?out\b|\brevert(?:ing)?\b|\b(?:if|when) (?:it|this|things|something|anything) goe?s? wrong\b/],
  ['signoff', /\bsign[- ]?offs?\b|\bapprovals?\b/],
  ['gates', /\bgates?\b|\bgo\s*\/\s*no[- ]?go\b|\bgo[- ]no[- ]go\b|\bpre-?conditions?\b|\bpre-?requisites?\b|\bpre-?flight\b|\breadiness\b|\bpre-?checks?\b|\bentry criteria\b|\bpre-?(?:cutover|deploy\w*|migration|release|upgrade|change|switch\w*|launch|go-?live)\s+(?:checks?|checklist|verification|validation)\b/],
  ['timeline', /\btimeline\b|\bschedule\b|\brun[- ]?sheet\b|\bt\s?[-+]\s?\d+/],
  ['smoke', /\bsmoke\b|\bverif(?:y|ication)\b|\bvalidat(?:e|ion)\b|\bhealth\b|\bsanity\b|\bpost[- ]?checks?\b/],
  ['playbook', /\bplaybooks?\b|\bfirst[- ]response\b|\bmitigations?\b|\bremediation\b/],
  ['triage', /\btriage\b|\bincidents?\b|\bseverity\b|\bsev\b|\bescalation\b|\bdecision rules?\b|\bdiagnos(?:is|e|tics?)\b/],
  // Plain steps, even under an incident heading: "After the incident", "Follow-up", "Cleanup".
  ['steps', /\bprep(?:aration)?\b|\bafter the incident\b|\bpost-?incident\b|\bpost-?mortem\b|\bfollow[- ]?ups?\b|\bclean-?up\b|\bappendix\b/],
];

// German, French and Spanish headings ("Rückfall", "Retour arrière", "Prérequis", "Abnahme").
// Matched as whole words with Unicode letters: `\b` does not see "ü" or "é" as letters.
const word = (words: string): RegExp => new RegExp(String.raw`(?<!\p{L})(?:${words})(?!\p{L})`, 'u');
const OTHER_LANGUAGES: Array<[SectionKindName, RegExp]> = [
  ['rollback', word(String.raw`rückfall\w*|rückabwicklung|rückgängig|zurückrollen|zurücksetzen|retour (?:en )?arrière|marcha atrás|vuelta atrás|reversión|reversão`)],
  ['signoff', word(String.raw`abnahme|freigaben?|aprobación|aprovação`)],
  ['gates', word(String.raw`voraussetzungen|vorbedingungen|vorabprüfung(?:en)?|pré-?requis|conditions préalables|(?:contrôles?|vérifications?) préalables?|requisitos previos|pré-?requisitos|prerrequisitos`)],
  ['timeline', word(String.raw`zeitplan|ablaufplan|calendrier|cronograma`)],
  ['triage', word(String.raw`schweregrad\w*|sévérités?|gravité|severidad(?:es)?|gravedad`)],
  ['smoke', word(String.raw`(?:über)?prüfung(?:en)?|verifizierung|validierung|vérifications?|contrôles?|verificación|verificaciones|comprobaci(?:ón|ones)|verificação`)],
];

/** "2) Execute", "1.2 Backup", "IV. Rollback", "Step 2 - Stop" -> the words after the number. */
export function stripNumbering(title: string): string {
  // A lone number needs its punctuation: "7 days stable" is not step 7.
  return title.replace(/^\s*(?:(?:step|task)\s*#?\s*\d+[a-z]?\s*[.):\-–—]|\d+(?:\.\d+)+[.):]?|\d+[.):]|[IVX]+[.)])\s+/i, '').trim() || title.trim();
}

export function inferKind(title: string): SectionKindName | undefined {
  const text = stripNumbering(title).toLowerCase();
  const found = new Map<SectionKindName, number>();
  for (const [kind, pattern] of [...KEYWORDS, ...OTHER_LANGUAGES]) {
    const match = pattern.exec(text);
    if (match) found.set(kind, match.index);
  }
  let best: SectionKindName | undefined;
  for (const [kind, index] of found) if (best === undefined || index < (found.get(best) as number)) best = kind;
  if (best === 'rollback' && found.has('rollforward')) return 'rollforward';
  if (best === 'triage' && found.has('playbook')) return 'playbook';
  return best;
}
