// List entries -> items. Task lists (nested too), `1.` / `1)` steps and bullets are items. Nested
// numbered or task lists become items of their own ("Part of: <parent>"); nested plain bullets are
// details of their parent (description, and their command the parent's run, unless that would join
// several commands: see detail-steps.ts). A parent that only introduces its sub-steps ("Rollback
// steps:") is not an item itself.
import type { List, ListItem, Nodes, PhrasingContent } from 'mdast';
import { blockText, listText } from './block-text.js';
import { commandFromCode } from './commands.js';
import { collectSpans, detailCommands, splitDetails } from './detail-steps.js';
import type { ImportContext } from './context.js';
import { inlineText } from './inline-text.js';
import { EXPECT_LINE, fence, newItem, parseExpectation, parseOffsetPrefix, type ItemDraft, type SectionScope } from './items.js';
import { angleRef } from './placeholders.js';
import { groupScript, sessionParts, type ScriptPart } from './script-groups.js';
import { slugify } from './ids.js';
import { ROLE_WORD } from './roles.js';
import { rulesFromList } from './rules.js';
import { triggerRecommendation } from './severity.js';
import { splitAnnotationLines } from './step-annotations.js';
import { ownerRole } from './owner-roles.js';
import { joinLines } from './line-breaks.js';

export interface ListEnv {
  ctx: ImportContext;
  scope: SectionScope;
  /** Text that introduced the list ("Preconditions:"), kept on each item. */
  leadIn?: string;
}

const OWNER_PREFIX = /^`?<([A-Za-z][\w .-]*)>`?\s*(?:[:\-–—]\s*)?/;
// "[DBA] Stop replication", "[Search on-call] Confirm…": a bracketed role, when it names one.
const BRACKET_OWNER = /^\[([A-Za-z][\w .&/-]{0,30})\]\s*(?:[:\-–—]\s*)?(?=\S)/;

/** The role a step's title starts with, and the title without it. */
function ownerPrefix(title: string, ctx: ImportContext): { role: string; rest: string } | undefined {
  const angle = OWNER_PREFIX.exec(title);
  if (angle && angleRef(`<${angle[1]}>`)) return { role: roleTitle(angle[1] as string), rest: title.slice(angle[0].length) };
  const bracket = BRACKET_OWNER.exec(title);
  const name = bracket?.[1]?.trim() ?? '';
  if (!bracket || !(ROLE_WORD.test(name) || ctx.roles.has(slugify(name, 6)))) return undefined;
  return { role: name, rest: title.slice(bracket[0].length) };
}

function isStepList(list: List): boolean {
  return Boolean(list.ordered) || list.children.some((c) => typeof c.checked === 'boolean');
}

/**
 * A fenced block under an item: its command, or description when it is not shell. A block of
 * comment-headed parts (script-groups.ts) is a step per part: the first goes to `draft` when
 * the draft has no title or the part no comment; the others are returned, to follow the draft.
 */
export function attachCode(lang: string | null | undefined, value: string, draft: ItemDraft, env: ListEnv): ItemDraft[] {
  const command = commandFromCode(lang, value);
  if (!command.run) {
    // Kept as written: its output lines are already in it.
    draft.description.push(fence(value, lang ?? ''));
    env.ctx.keep(command.reason ?? 'code block', env.scope.title);
    return [];
  }
  const session = command.output === undefined ? undefined : sessionParts(command.prompts ?? []);
  if (session) return attachParts(session, draft);
  const grouping = command.output === undefined ? groupScript(command.run) : undefined;
  if (grouping && 'parts' in grouping) return attachParts(grouping.parts, draft);
  draft.blocks.push(command.run);
  if (grouping) draft.wholeScript = grouping.wholeScript;
  if (command.output) draft.description.push(`Example output:\n${fence(command.output)}`);
  return [];
}

function attachParts(parts: ScriptPart[], draft: ItemDraft): ItemDraft[] {
  const partOf = draft.title.trim().replace(/:$/, '');
  const [first, ...rest] = parts;
  const own = first && (!first.title || !partOf) ? first : undefined;
  if (own) {
    if (!partOf) draft.title = own.title ?? '';
    addPart(own, draft);
  }
  return (own ? rest : parts).map((part) => {
    const item = newItem(part.title ?? '');
    if (partOf) item.description.push(`Part of: ${partOf}`);
    addPart(part, item);
    return item;
  });
}

function addPart(part: ScriptPart, draft: ItemDraft): void {
  draft.blocks.push(part.code);
  if (part.output) draft.description.push(`Example output:\n${fence(part.output)}`);
}

function titleOf(entry: ListItem, draft: ItemDraft, env: ListEnv): Nodes[] {
  const [entryFirst, ...entryRest] = entry.children;
  // "- > How and when to escalate": a quoted entry is named by its quote.
  const quoted = entryFirst?.type === 'blockquote' && entryFirst.children[0]?.type === 'paragraph';
  const first = quoted ? entryFirst.children[0] : entryFirst;
  const rest = quoted ? [...entryFirst.children.slice(1), ...entryRest] : entryRest;
  if (first?.type !== 'paragraph') return entry.children;
  let title = titleLines(first.children, draft, env.ctx);
  const owner = ownerPrefix(title, env.ctx);
  if (owner) {
    draft.owner = ownerRole(owner.role, env.ctx);
    title = owner.rest;
  }
  const offset = parseOffsetPrefix(title);
  if (offset && offset.rest) {
    draft.at = offset.at;
    title = offset.rest;
  }
  draft.title = title;
  collectSpans(first.children, draft);
  return rest;
}

/**
 * The entry's first paragraph as its title; lines under the first that are only annotations
 * ("**Owner:** SRE", "ETA: 10 min") go to the description.
 */
function titleLines(children: PhrasingContent[], draft: ItemDraft, ctx: ImportContext): string {
  const { title, labels } = splitAnnotationLines(inlineText(children), ctx);
  draft.description.push(...labels);
  return title;
}

/** "release-operator" -> "Release operator". */
export function roleTitle(ref: string): string {
  const words = ref.replace(/[-_]+/g, ' ').trim().replace(ACRONYMS, (w) => w.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ACRONYMS = /\b(?:sre|dba|qa|ic|db|api|sla|slo|it|ui|ux|pm|tl|cto|vp|noc|soc|l[1-3])\b/gi;

function entryToItems(entry: ListItem, env: ListEnv, partOf?: string): ItemDraft[] {
  const draft = newItem('');
  const rest = titleOf(entry, draft, env);
  if (env.leadIn) draft.description.push(env.leadIn);
  if (partOf) draft.description.push(`Part of: ${partOf}`);
  const introOnly = draft.title.trim().endsWith(':');
  const context = draft.description.length;
  const children: ItemDraft[] = [];
  const followUps: ItemDraft[] = [];
  const details: { list: List; at: number }[] = [];
  let consumed = false;
  let prose: string | undefined;
  for (const block of rest) {
    const said = prose;
    prose = undefined;
    if (block.type === 'paragraph') {
      const text = inlineText(block.children);
      if (EXPECT_LINE.test(text)) draft.expect = parseExpectation(text.replace(EXPECT_LINE, ''));
      else {
        draft.description.push(text);
        prose = text;
      }
      collectSpans(block.children, draft);
    } else if (block.type === 'code') {
      const followUp = said && draft.blocks.length ? commandAfterProse(said, block.lang, block.value, draft, env) : undefined;
      followUps.push(...(followUp ?? attachCode(block.lang, block.value, draft, env)));
    } else if (block.type === 'list') {
      const trigger = triggerRecommendation(draft.title);
      if (trigger && !isStepList(block)) {
        rulesFromList(block, draft.title, trigger, env.ctx, env.scope);
        consumed = true;
      } else if (isStepList(block)) children.push(...stepsUnder(block, draft, introOnly, env)); else {
        details.push({ list: block, at: draft.description.length });
        draft.description.push(listText(block, env.ctx.source));
      }
    } else {
      const text = blockText(block, env.ctx.source);
      if (text) draft.description.push(text);
    }
  }
  const split = splitDetails(details.map((d) => d.list), draft);
  if (split) {
    // Bullets with only text stay details; the step's own command stays its run.
    details.forEach((d, i) => (draft.description[d.at] = split.details[i]?.children.length ? listText(split.details[i] as List, env.ctx.source) : ''));
    children.unshift(...stepsUnder(split.steps, draft, introOnly, env));
  } else details.forEach((d) => detailCommands([d.list], draft));
  if (split) draft.description = draft.description.filter(Boolean);
  const bare = draft.description.length === context && !draft.blocks.length && !draft.spans.length && !draft.expect;
  if ((consumed || (introOnly && (children.length || followUps.length))) && bare) return [...followUps, ...children];
  return [draft, ...followUps, ...children];
}

/** Sub-steps of `draft`: after a lead-in ("Rollback steps:") each repeats it, else each is "Part of" it. */
function stepsUnder(list: List, draft: ItemDraft, introOnly: boolean, env: ListEnv): ItemDraft[] {
  const leadIn = introOnly ? [env.leadIn, draft.title].filter(Boolean).join('\n') : undefined;
  return listToItems(list, { ...env, leadIn }, introOnly ? undefined : draft.title.replace(/:$/, ''));
}

/**
 * A second command in a step, after prose of its own ("If connections remain after 5m, check the
 * database:"): a step of its own, titled by that prose, not a second half of the step's run.
 */
function commandAfterProse(prose: string, lang: string | null | undefined, value: string, draft: ItemDraft, env: ListEnv): ItemDraft[] | undefined {
  if (!commandFromCode(lang, value).run) return undefined;
  const followUp = newItem(joinLines(prose));
  if (draft.description[draft.description.length - 1] === prose) draft.description.pop();
  followUp.description.push(`Part of: ${draft.title.replace(/:$/, '')}`);
  const parts = attachCode(lang, value, followUp, env);
  return followUp.blocks.length || !parts.length ? [followUp, ...parts] : parts;
}

export function listToItems(list: List, env: ListEnv, partOf?: string): ItemDraft[] {
  return list.children.flatMap((entry) => entryToItems(entry, env, partOf));
}
