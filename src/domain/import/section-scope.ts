// What a section's heading says about how to read its content.
import type { SectionKindName } from '../checklist-schema.js';
import { parseLevelLabel, triggerRecommendation, withoutLeadingEmoji, type LevelLabel } from './severity.js';
import type { RecommendationKind } from '../checklist-schema.js';

export interface Scope {
  /** Displayed title: "Parent / Child" when the parent heading had no content of its own. */
  title: string;
  /** The heading's own words. */
  ownTitle: string;
  kind: SectionKindName;
  /** Severity levels may be declared here (SEV0 labels, P1 headings). */
  severity: boolean;
  links: boolean;
  roles: boolean;
  requiredRoles: boolean;
  evidenceTemplate: boolean;
  /** Lists without a lead-in are rollback triggers ("Incident Criteria (Blockers)"). */
  trigger?: RecommendationKind;
}

/** `inheritedRoles`: under a contacts heading ("Emergency Contacts" > "Level 1"), lists are read as roles too. */
export function makeScope(title: string, ownTitle: string, kind: SectionKindName, inheritedSeverity: boolean, inheritedRoles = false): Scope {
  const own = withoutLeadingEmoji(ownTitle).toLowerCase();
  const scope: Scope = {
    title,
    ownTitle,
    kind,
    severity: inheritedSeverity || kind === 'triage' || kind === 'playbook' || /\bseverity\b|\bsev\b|\bpriorit(?:y|ies)\b|\bschweregrad|\bseveridad|\bs[ée]v[ée]rit[ée]/.test(own),
    links: /\blinks?\b|\breferences?\b|\bresources\b|\bdocumentation\b|\bdocs\b|\bsee also\b|\brelated\b/.test(own),
    roles: inheritedRoles || /\br[oô]les?\b|\bcontacts?\b|\bpeople\b|\bon-?call\b|\bescalation\b|^who\b|\bparticipants\b|\bstaffing\b|\brollen\b|\bansprechpartner/.test(own),
    requiredRoles: /\broles?\b/.test(own),
    evidenceTemplate: /\bevidence\b/.test(own) && /\b(?:template|package|fields|form)\b/.test(own),
  };
  const trigger = /\b(?:steps?|procedures?|path|execution|how|plan)\b/.test(own) ? undefined : triggerRecommendation(own, true);
  if (trigger) scope.trigger = trigger;
  return scope;
}

/** A level label in label form: "SEV0 (…):", "P1: …", "SEV2" alone; not "P1 impact confirmed". */
export function levelLabelOf(text: string): LevelLabel | undefined {
  const label = parseLevelLabel(text);
  if (!label) return undefined;
  const after = withoutLeadingEmoji(text).replace(/^(?:SEV|sev|Sev)[\s-]?\d|^P\d|^[A-Za-z]+/, '').trim();
  return after === '' || /^[(:\-–—]/.test(after) ? label : undefined;
}
