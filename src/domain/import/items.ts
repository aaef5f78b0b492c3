// An item as collected from a list entry, table row, heading or code block, and how it becomes a
// checklist item: title kept short (the full text moves to the description), commands turned into
// `run` (with `<placeholders>` as variables), destructive commands flagged.
import type { z } from 'zod';
import type { Expectation, Item, SectionKindName } from '../checklist-schema.js';
import { BUILTIN_VARIABLES } from '../checklist-schema.js';
import { looksDestructive } from '../destructive.js';
import type { ImportContext } from './context.js';
import { slugify } from './ids.js';
import { foreignTemplate, templatize } from './placeholders.js';

export type ItemOut = z.input<typeof Item>;
type ExpectationOut = z.input<typeof Expectation>;

export interface ItemDraft {
  title: string;
  description: string[];
  /** Shell code from fenced blocks: the item's command when present. */
  blocks: string[];
  /** Commands from inline `code` spans: used when there is no block. */
  spans: string[];
  owner?: string;
  evidence?: boolean;
  expect?: ExpectationOut;
  at?: string;
  explicitId?: string;
}

export interface SectionScope {
  title: string;
  kind: SectionKindName;
}

export function newItem(title: string): ItemDraft {
  return { title, description: [], blocks: [], spans: [] };
}

const MAX_TITLE = 120;

function shorten(title: string): string {
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(title)?.[1];
  if (sentence && sentence.length <= MAX_TITLE && sentence.length >= 12) return sentence;
  const cut = title.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trim()}…`;
}

export function fence(code: string, lang = ''): string {
  return `\`\`\`${lang}\n${code}\n\`\`\``;
}

/** "Exit code 0" -> { exitCode: 0, description }. */
export function parseExpectation(text: string): ExpectationOut {
  const expect: ExpectationOut = { description: text };
  const exit = /\bexit(?:s)?(?:\s+(?:code|status))?\s*(?:is|=|==|of|:)?\s*(\d{1,3})\b/i.exec(text);
  if (exit) expect.exitCode = Number(exit[1]);
  return expect;
}

const OFFSET = /^\s*\**\s*(T\s*(?:[-+]\s*\d+\s*(?:hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|days?|d)?|0))(?!\w|:\d)\s*\**\s*(?:[:\-–—|]\s*)?/i;

/** "T-60: Run preflight" -> { at: "T-60", rest: "Run preflight" }. */
export function parseOffsetPrefix(text: string): { at: string; rest: string } | undefined {
  const match = OFFSET.exec(text);
  if (!match?.[1] || !/^T/.test(match[1])) return undefined;
  const compact = match[1].replace(/\s+/g, '');
  const unit = /(\d+)([a-z]+)$/i.exec(compact);
  const at = unit ? compact.replace(/[a-z]+$/i, (unit[2] ?? '').charAt(0).toLowerCase()) : compact;
  if (!/^T(?:[+-]\d+[smhd]?|0)$/.test(at)) return undefined;
  return { at, rest: text.slice(match[0].length).trim() };
}

function runOf(draft: ItemDraft, scope: SectionScope): string | undefined {
  if (scope.kind === 'signoff') return undefined;
  if (draft.blocks.length) return draft.blocks.join('\n\n');
  return draft.spans.length ? [...new Set(draft.spans)].join('\n') : undefined;
}

export function finishItem(draft: ItemDraft, ctx: ImportContext, scope: SectionScope): ItemOut {
  const description = [...draft.description];
  let title = draft.title.replace(/\s+/g, ' ').trim().replace(/\s*:$/, '');
  if (title.length > MAX_TITLE) {
    description.unshift(title);
    title = shorten(title);
  }
  let run = runOf(draft, scope);
  if (scope.kind === 'signoff') draft.blocks.forEach((b) => description.push(fence(b, 'sh')));
  if (run) {
    const templated = templatize(run);
    const declared = new Set([...ctx.variables.keys(), ...templated.variables.keys()]);
    const foreign = foreignTemplate(templated.run, declared);
    if (foreign) {
      description.push(fence(run, 'sh'));
      ctx.keep(`command with template text ${foreign} (not a cutover {{variable}})`, scope.title);
      run = undefined;
    } else {
      for (const [name, placeholder] of templated.variables) {
        if (!(BUILTIN_VARIABLES as readonly string[]).includes(name)) ctx.variable(name, placeholder);
      }
      run = templated.run;
    }
  }
  if (!title) title = run?.split('\n').find((l) => l.trim() && !/^\s*#/.test(l))?.trim().slice(0, 80) ?? 'Step';
  const id = ctx.itemIds.take(draft.explicitId ?? slugify(title), 'item');
  const item: ItemOut = { id, title };
  if (description.length) item.description = description.join('\n');
  if (run) item.run = run;
  if (draft.expect && run) item.expect = draft.expect;
  else if (draft.expect?.description) item.description = [item.description, `Expected: ${draft.expect.description}`].filter(Boolean).join('\n');
  if (draft.owner) item.owner = draft.owner;
  if (draft.evidence) item.evidence = true;
  if (run && looksDestructive(run)) item.destructive = true;
  if (draft.at) item.at = draft.at;
  return item;
}
