// A list in a section: rollback triggers, severity levels, roll-forward requirements, links,
// roles, evidence template fields, or (most often) items.
import type { List } from 'mdast';
import { inlineText } from './inline-text.js';
import { holdsReferences, isLinkList, linksFromList } from './links.js';
import { levelActionsFromList, levelsFromList, listEntries } from './levels.js';
import { isContactCard, looksLikeRoleList, roleFromCard, rolesFromList } from './roles.js';
import { stripNumbering } from './section-kind.js';
import { rulesFromList } from './rules.js';
import type { SectionBuilder } from './section-builder.js';
import { looksLikeRule, triggerRecommendation } from './severity.js';
import { listToItems } from './steps.js';
import { joinLines } from './line-breaks.js';

const NO_OPEN_INCIDENTS = /\bno (?:open|unresolved|active) incidents?\b|\ball incidents? (?:are )?(?:closed|resolved)\b/i;
const REQUIREMENTS = /^(?:requirements?|requires|prerequisites?|pre-?conditions?|before\b|criteria|conditions?)/i;

function isRuleList(list: List): boolean {
  return list.children.every((entry) => {
    const first = entry.children[0];
    return first?.type === 'paragraph' && looksLikeRule(inlineText(first.children, ' '));
  });
}

export function handleList(list: List, leadIn: string | undefined, section: SectionBuilder): void {
  const { ctx, scope } = section;
  const levelActions = levelActionsFromList(list, ctx);
  if (levelActions) {
    if (leadIn) section.description.push(leadIn);
    return void section.mapped.push(`Severity levels imported into severity.levels, each with its rule: ${levelActions.join(', ')}.`);
  }
  const trigger = (leadIn ? triggerRecommendation(leadIn) : scope.trigger) ?? (isRuleList(list) ? 'consider-rollback' : undefined);
  if (trigger) {
    const n = rulesFromList(list, leadIn, trigger, ctx, scope);
    section.mapped.push(n ? `${n} rule${n === 1 ? '' : 's'} imported into severity.rules.` : 'Its rules are said elsewhere too: imported into severity.rules once.');
    return;
  }
  if (leadIn) leadInKept(leadIn, list, section);
  const levels = scope.severity ? levelsFromList(list, ctx) : undefined;
  if (levels) return void section.mapped.push(`Severity levels imported into severity.levels: ${levels.join(', ')}.`);
  if (scope.kind === 'rollforward' && leadIn && REQUIREMENTS.test(leadIn)) {
    section.requires ??= { text: [] };
    section.requires.text.push(...listEntries(list, ctx.source).map(joinLines));
    if (section.requires.text.some((t) => /\bgates?\b[^.]*\b(?:green|pass)/i.test(t))) section.requires.gatesPassed = true;
    if (section.requires.text.some((t) => NO_OPEN_INCIDENTS.test(t))) section.requires.noOpenIncidents = true;
    return;
  }
  if ((scope.links && holdsReferences(list)) || isLinkList(list)) {
    const before = ctx.links.length;
    const prefix = leadIn?.replace(/\s*:\s*$/, '');
    section.description.push(...linksFromList(list, ctx, prefix));
    return void section.mapped.push(`${ctx.links.length - before} links imported into links.`);
  }
  if (scope.roles && isContactCard(list)) {
    const title = stripNumbering(scope.ownTitle);
    roleFromCard(list, title, ctx, scope.requiredRoles);
    return void section.mapped.push(`Role imported: ${title}.`);
  }
  if (scope.roles && looksLikeRoleList(list)) {
    const titles = rolesFromList(list, ctx, scope.requiredRoles);
    return void section.mapped.push(`Roles imported: ${titles.join(', ')}.`);
  }
  if (scope.evidenceTemplate) return void ctx.evidenceTemplate.push(...listEntries(list, ctx.source).map((t) => t.replace(/:$/, '')));
  const items = listToItems(list, { ctx, scope, ...(leadIn ? { leadIn } : {}) });
  section.items.push(...items);
  section.lastList = { list, items };
}

/** Lead-ins of lists that become items are repeated on each item; others stay in the description. */
function leadInKept(leadIn: string, list: List, section: SectionBuilder): void {
  const { scope } = section;
  const toItems = !scope.severity && !(scope.links && holdsReferences(list)) && !(scope.roles && (looksLikeRoleList(list) || isContactCard(list))) && !scope.evidenceTemplate && !isLinkList(list);
  if (!toItems || (scope.kind === 'rollforward' && REQUIREMENTS.test(leadIn))) section.description.push(leadIn);
}
