// An item as collected from a list entry, table row, heading or code block, and how it becomes a
// checklist item: title kept short (the full text moves to the description), commands turned into
// `run` (with `<placeholders>` as variables), destructive commands flagged.
import type { z } from 'zod';
import type { Expectation, Item, SectionKindName } from '../checklist-schema.js';
import { BUILTIN_VARIABLES } from '../checklist-schema.js';
import { needsConfirmation } from './disruptive.js';
import { typographicPunctuation } from './typography.js';
import type { ImportContext } from './context.js';
import { slugify } from './ids.js';
import { stripNumbering } from './section-kind.js';
import { foreignTemplate, templatize, variableName } from './placeholders.js';
import { unwrapWatch } from './commands.js';
import { logicalLines } from './shell-scan.js';
import { annotationFields } from './annotation-fields.js';
import type { Annotations } from './annotation-parts.js';
import { inherit, takeAnnotations, titleAnnotations } from './step-annotations.js';

export type ItemOut = z.input<typeof Item>;
type ExpectationOut = z.input<typeof Expectation>;

export interface ItemDraft {
  title: string;
  description: string[];
  /** Shell code from fenced blocks: the item's command when present. */
  blocks: string[];
  /** Commands from inline `code` spans: used when there is no block. */
  spans: string[];
  /** Span commands offered instead of an earlier one ("or `service nginx restart`"): not run. */
  alternatives?: string[];
  owner?: string;
  evidence?: boolean;
  expect?: ExpectationOut;
  at?: string;
  explicitId?: string;
  /** Why a block whose comments head several parts was kept as one script. */
  wholeScript?: string;
  /** The step that undoes this one (a step table's Rollback column). */
  undo?: ItemDraft;
  /** The row's cell in a step table's Phase column ("Prep", "Verify", "Rollback"). */
  phase?: string;
  /** Owner, time and offset its section's heading gives, for what the step does not say itself. */
  inherited?: Annotations;
}

export interface SectionScope {
  title: string;
  kind: SectionKindName;
}

export function newItem(title: string): ItemDraft {
  return { title, description: [], blocks: [], spans: [] };
}

const MAX_TITLE = 120;
/** "Push both states (destructive!)", "Drop the old index — irreversible": the runbook's own warning. */
const SAYS_DESTRUCTIVE = /(?<!\bnon[- ]?)\bdestructive\b|(?<!\bnot\s)\birreversible\b|\bcannot be undone\b|\bpoint of no return\b/i;

/** How long an imported `watch -n N …` keeps re-running (the runbook rarely says): 10m, or 5 rounds. */
function watchFor(every: string): string {
  const seconds = Number(every.replace(/s$/, ''));
  return seconds * 5 > 600 ? `${seconds * 5}s` : '10m';
}

function shorten(title: string): string {
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(title)?.[1];
  if (sentence && sentence.length <= MAX_TITLE && sentence.length >= 12) return sentence;
  const cut = title.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trim()}…`;
}

/**
 * A step named by its command: the first command (its `\` continuations joined, not a title
 * ending in "\"), cut between words with "…" when long.
 */
function commandTitle(run: string | undefined): string | undefined {
  const first = logicalLines(run ?? '').find((l) => l.trim() && !/^\s*#/.test(l));
  const line = first?.replace(/\s*\\?\n\s*/g, ' ').trim();
  if (!line || line.length <= 80) return line;
  const cut = line.slice(0, 80);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trimEnd()}…`;
}

export function fence(code: string, lang = ''): string {
  return `\`\`\`${lang}\n${code}\n\`\`\``;
}

/** "Expected: …", "Expected output: …", "Pass criteria — …" in front of a pass condition. */
export const EXPECT_LINE = /^(?:expected(?:\s+(?:result|output))?|expect|pass(?:\s+(?:condition|criteria))?|success(?:\s+criteria)?)\s*[:\-–—]\s*/i;

// "`"status" : "green"`", "output contains `Clusters are compatible`": text the output must hold.
const OUTPUT_TEXT = /^(?:(?:the\s+)?output\s+)?(?:(?:contains|includes|shows|prints|ends with|reports)\s+)?(`+)\s?([^`]+?)\s?\1(?=$|[\s.,;)])/i;

/** "Exit code 0" -> { exitCode: 0, description }; a leading `text` span -> contains. */
export function parseExpectation(text: string): ExpectationOut {
  const expect: ExpectationOut = { description: text };
  const exit = /\bexit(?:s)?(?:\s+(?:code|status))?\s*(?:is|=|==|of|:)?\s*(\d{1,3})\b/i.exec(text);
  if (exit) expect.exitCode = Number(exit[1]);
  const output = OUTPUT_TEXT.exec(text.trim())?.[2];
  // A bare number ("`0`") would also match "10" or "404": too weak to decide pass or fail.
  if (output && !/^\d+$/.test(output) && !exit) expect.contains = output;
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

/**
 * "Scale the API down: `kubectl scale …`" -> "Scale the API down" when that command is the run;
 * `kept` is the full text when more follows the command ("— the pod is recreated").
 */
export function titleWithoutCommand(title: string, commands: string[]): { title: string; kept?: string } | undefined {
  const match = /^(.{6,}?)\s*(?::|\s[—–-])\s*(`+)\s?([^`]+?)\s?\2/.exec(title);
  const label = match?.[1]?.trim();
  // "If rollback: `helm rollback`" needs its command to make sense.
  if (!match || !label || /`/.test(label) || /^(?:if|when|else|otherwise|or|and|then)\b/i.test(label)) return undefined;
  if (!commands.some((c) => c.trim() === match[3]?.trim())) return undefined;
  const rest = title.slice(match[0].length).replace(/^[\s.,;:!]+/, '');
  return rest ? { title: label, kept: title } : { title: label };
}

// "`redis-cli -p 6380 PING` returns PONG", "`curl -fsS …/healthz` → `ok`": the step names its command
// and what that prints. A bare number ("returns 0") is too weak to decide pass or fail.
const SAYS_OUTPUT = /^(`+)\s?([^`]+?)\s?\1\s*(?:→|->|=>|returns|prints|outputs|shows|should (?:return|print|show))\s*(?:(`+)\s?([^`]+?)\s?\3|"([^"]+)"|([A-Za-z][\w.:/-]*))\s*\.?$/i;

function outputInTitle(title: string, run: string): ExpectationOut | undefined {
  const match = SAYS_OUTPUT.exec(title);
  const contains = match?.[4] ?? match?.[5] ?? match?.[6];
  if (!match || !contains || match[2]?.trim() !== run.trim() || /^\d+$/.test(contains)) return undefined;
  return { contains };
}

export function finishItem(draft: ItemDraft, ctx: ImportContext, scope: SectionScope): ItemOut {
  // An author's <!-- note --> is not part of the step's name, but it is kept.
  const notes = [...draft.title.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => (m[1] ?? '').trim()).filter(Boolean);
  const free = { owner: !draft.owner, at: !draft.at };
  const annotated = takeAnnotations(draft.title.replace(/<!--[\s\S]*?-->/g, ' '), draft.description, ctx, free);
  inherit(annotated.annotations, draft.inherited, free);
  const description = [...notes.map((note) => `Note: ${note}`), ...annotated.description];
  let title = annotated.title;
  let run = runOf(draft, scope);
  const bare = run && !draft.blocks.length ? titleWithoutCommand(title, draft.spans) : undefined;
  if (bare) {
    if (bare.kept) description.unshift(bare.kept);
    title = titleAnnotations(bare.title, annotated.annotations, ctx, free);
  } else if (title.length > MAX_TITLE) {
    description.unshift(title);
    title = shorten(title);
  }
  if (scope.kind === 'signoff') draft.blocks.forEach((b) => description.push(fence(b, 'sh')));
  if (run) {
    const templated = templatize(run, new Set(ctx.variables.keys()));
    if (templated.literal.length) {
      const names = templated.literal.join(', ');
      ctx.notices.push(`"${title}" in "${scope.title}": ${names} inside quotes left as written, not made a variable (it may be data); if it is a blank to fill in, write {{${variableName(templated.literal[0] ?? '')}}} there`);
    }
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
  const watched = run ? unwrapWatch(run) : undefined;
  // "Watch the error rate (30 min)": a soak's time is how long it re-runs, not a limit on one run.
  const soak = watched ? annotated.annotations.duration : undefined;
  if (soak) annotated.annotations.duration = undefined;
  const soakFor = soak?.value ?? (watched ? watchFor(watched.every) : '');
  if (watched) {
    const window = soak ? `, the runbook's ${soak.written}` : ` (adjust watch.for to the runbook's window)`;
    description.push(`Imported from \`${run}\`: re-run every ${watched.every} for ${soakFor}${window}.`);
    run = watched.run;
  }
  const fields = annotationFields(annotated.annotations, !!run, ctx, description);
  if (!title) title = commandTitle(run) ?? 'Step';
  const id = ctx.itemIds.take(draft.explicitId ?? slugify(stripNumbering(title)), 'item');
  const item: ItemOut = { id, title };
  if (description.length) item.description = description.join('\n');
  if (run) item.run = run;
  const said = run && !draft.expect ? outputInTitle(title, run) : undefined;
  if (draft.expect && run) item.expect = draft.expect;
  else if (said) item.expect = said;
  else if (draft.expect?.description) item.description = [item.description, `Expected: ${draft.expect.description}`].filter(Boolean).join('\n');
  if (fields.timeout) item.timeout = fields.timeout;
  if (draft.owner ?? fields.owner) item.owner = draft.owner ?? fields.owner;
  if (draft.evidence) item.evidence = true;
  const destroys = run ? needsConfirmation(run) : undefined;
  if (run && (destroys || SAYS_DESTRUCTIVE.test(title))) item.destructive = true;
  if (run && !draft.blocks.length && draft.alternatives?.length) {
    const others = draft.alternatives.map((a) => `\`${a}\``).join(', ');
    ctx.notices.push(`"${title}" in "${scope.title}" offers alternatives to its command (${others}): only the first is run; change run if another applies`);
  }
  const typographic = run ? typographicPunctuation(run) : undefined;
  if (typographic) ctx.notices.push(`"${title}" in "${scope.title}": its command has ${typographic}, as a word processor writes them; the shell reads them literally: fix the command`);
  if (destroys && draft.wholeScript) {
    ctx.notices.push(`"${title}" in "${scope.title}" is one script (${draft.wholeScript}), so its commented parts stay one step; it looks destructive (${destroys}): marked destructive`);
  }
  if (draft.at ?? fields.at) item.at = draft.at ?? fields.at;
  if (watched) item.watch = { every: watched.every, for: soakFor };
  return item;
}
