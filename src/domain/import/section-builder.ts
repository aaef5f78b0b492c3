// One section: walks the blocks under a heading in order and sends each to the field it maps to
// (items, roles, links, severity levels and rules, evidence template, roll-forward requirements).
// Whatever maps to nothing is kept in the section description: nothing is silently dropped.
import type { Code, List, PhrasingContent, RootContent, Table } from 'mdast';
import type { RollforwardRequirements } from '../checklist-schema.js';
import type { z } from 'zod';
import { blockText, htmlText } from './block-text.js';
import { commandFromCode, forbids, isShellLang } from './commands.js';
import type { ImportContext } from './context.js';
import { inlineText, isBoldLabel } from './inline-text.js';
import { slugify } from './ids.js';
import { EXPECT_LINE, fence, finishItem, newItem, parseExpectation, type ItemDraft, type ItemOut } from './items.js';
import { levelFromLabel, listEntries } from './levels.js';
import { sourceOf, type OutlineNode } from './markdown-tree.js';
import { stripNumbering } from './section-kind.js';
import { rulesFromParagraph } from './rules.js';
import { levelLabelOf, type Scope } from './section-scope.js';
import { handleList } from './section-lists.js';
import { handleTable, handleTableData } from './section-tables.js';
import { htmlAroundTable, htmlTableData } from './html-table.js';
import { attachCode } from './steps.js';
import { leadingComment } from './script-groups.js';
import { headingAnnotations, isAnnotationParagraph } from './section-annotations.js';
import { collectSpans } from './detail-steps.js';
import { tableRollbackSection } from './table-rollback.js';
import { phaseSection, splitPhases } from './table-phases.js';

// "3.1 Consumers are reading", "4.2. Delete …", "Step 5: Verify": a step written as a paragraph.
export const NUMBERED_STEP = /^(?:\d+(?:\.\d+)+\.?|(?:step|task)\s*#?\s*\d+[a-z]?\s*[:.)\-–—])\s+\S/i;

export interface SectionOut {
  id: string;
  title: string;
  kind: Scope['kind'];
  description?: string;
  requires?: z.input<typeof RollforwardRequirements>;
  items: ItemOut[];
}

class SectionBuilder {
  readonly description: string[] = [];
  readonly mapped: string[] = [];
  readonly items: ItemDraft[] = [];
  requires?: { text: string[]; gatesPassed?: boolean; noOpenIncidents?: boolean };
  lastList?: { list: List; items: ItemDraft[] };
  /** The item that took the latest code block: an "Expected: …" paragraph after it is its pass condition. */
  lastCommand?: ItemDraft;
  /** A "**Step 2: Promote**" paragraph opens a step: the prose and code after it are its own. */
  openStep?: ItemDraft;

  constructor(readonly scope: Scope, readonly ctx: ImportContext) {}

  paragraph(children: PhrasingContent[], next: RootContent | undefined, previous: RootContent | undefined): 'lead-in' | 'consumed-next' | 'done' {
    const line = inlineText(children, ' ');
    const label = this.scope.severity ? levelLabelOf(line) : undefined;
    if (label) {
      const criteria = next?.type === 'list' ? listEntries(next, this.ctx.source) : [];
      const level = levelFromLabel(label, line, this.ctx, criteria);
      this.mapped.push(`Severity level ${level.id} imported into severity.levels.`);
      return criteria.length ? 'consumed-next' : 'done';
    }
    this.ctx.legend(line); // kept as text too: it explains the abbreviations wherever they appear
    const inStep = this.openStep && !NUMBERED_STEP.test(line);
    // "**Owner:** SRE · **ETA:** 30 min" names no step: it says who does them (section-annotations.ts).
    if (isAnnotationParagraph(inlineText(children), this.ctx)) {
      (inStep && this.openStep ? this.openStep.description : this.description).push(inlineText(children));
      return 'done';
    }
    const introduces = next?.type === 'list' || next?.type === 'table' || next?.type === 'code';
    if (this.outputOfLastCommand(line, previous, next)) return 'consumed-next';
    if (!inStep && introduces && (line.endsWith(':') || isBoldLabel(children))) return 'lead-in';
    if (rulesFromParagraph(inlineText(children), this.ctx)) this.mapped.push(`Rule imported into severity.rules: ${inlineText(children)}`);
    else if (this.expectationOfLastCommand(line, previous)) return 'done';
    // "Validate that the cluster is healthy." right before its command: the step that command does.
    else if (!inStep && next?.type === 'code' && commandFromCode(next.lang, next.value).run && !EXPECT_LINE.test(line)) return 'lead-in';
    else if (inStep && this.openStep) {
      // As under a step heading: "`flagctl set writes off`" in the step's text is its command.
      this.openStep.description.push(inlineText(children));
      collectSpans(children, this.openStep);
    }
    else if (!this.stepParagraph(children, line)) this.description.push(inlineText(children));
    return 'done';
  }

  /** "Expected output:" and a block of output, right after a command's block: what it prints. */
  private outputOfLastCommand(line: string, previous: RootContent | undefined, next: RootContent | undefined): boolean {
    const draft = this.lastCommand;
    if (!draft || previous?.type !== 'code' || next?.type !== 'code' || !EXPECT_LINE.test(line) || line.replace(EXPECT_LINE, '').trim()) return false;
    if (commandFromCode(next.lang, next.value).run) return false;
    draft.description.push(`${line}\n${fence(next.value, next.lang ?? '')}`);
    return true;
  }

  /** "Expected: `green`" right after a command's code block is that command's pass condition. */
  private expectationOfLastCommand(line: string, previous: RootContent | undefined): boolean {
    const draft = this.lastCommand;
    if (!draft || previous?.type !== 'code' || draft.expect || !EXPECT_LINE.test(line)) return false;
    draft.expect = parseExpectation(line.replace(EXPECT_LINE, ''));
    return true;
  }

  /** A paragraph that is a step: numbered like "3.1 Check …", or one that holds a command. */
  private stepParagraph(children: PhrasingContent[], line: string): boolean {
    const { scope } = this;
    if (scope.links || scope.roles || scope.evidenceTemplate) return false;
    const draft = newItem(line);
    collectSpans(children, draft);
    const numbered = NUMBERED_STEP.test(line);
    if (!numbered && !draft.spans.length) return false;
    this.items.push(draft);
    this.openStep = numbered ? draft : undefined;
    return true;
  }

  list(list: List, leadIn: string | undefined): void {
    this.openStep = undefined;
    handleList(list, leadIn, this);
  }

  code(code: Code, leadIn: string | undefined, previous: RootContent | undefined, next: RootContent | undefined): void {
    const { ctx, scope } = this;
    if (this.openStep && !leadIn) return this.attach(code, this.openStep);
    this.openStep = undefined;
    if (leadIn && forbids(leadIn)) {
      this.description.push(leadIn, fence(code.value, code.lang ?? ''));
      return ctx.keep('a command the runbook says not to run', scope.title);
    }
    if (scope.evidenceTemplate && !isShellLang(code.lang)) {
      if (leadIn) this.description.push(leadIn);
      ctx.evidenceTemplate.push(...code.value.split('\n').map((l) => l.trim().replace(/\s*:$/, '')).filter(Boolean));
      return void this.mapped.push('Imported into evidenceTemplate.');
    }
    const last = this.lastList?.items[this.lastList.items.length - 1];
    const continues = next?.type === 'list' && next.ordered && this.lastList?.list.ordered && next.start === (this.lastList.list.start ?? 1) + this.lastList.list.children.length;
    if (!leadIn && last && previous === this.lastList?.list && (last.title.trim().endsWith(':') || continues)) return this.attach(code, last);
    const command = commandFromCode(code.lang, code.value);
    // A shell block that cannot run as is (a crontab line) is still an instruction: a manual item.
    // A terminal session with no command in it is only output, as is any other block.
    if (!command.run && !leadIn && !command.byHand && (!isShellLang(code.lang) || command.output !== undefined)) {
      this.description.push(fence(code.value, code.lang ?? ''));
      return ctx.keep(command.reason ?? 'code block', scope.title);
    }
    const comment = leadingComment(code.value);
    const draft = newItem(leadIn ?? '');
    const parts = attachCode(code.lang, code.value, draft, { ctx, scope });
    if (!draft.title) draft.title = comment ?? '';
    if (draft.blocks.length || !parts.length) this.items.push(draft);
    this.items.push(...parts);
    this.lastCommand = parts[parts.length - 1] ?? draft;
    if (leadIn && NUMBERED_STEP.test(leadIn) && !parts.length) this.openStep = draft;
  }

  /** A block that belongs to an item already listed: its parts, if any, follow that item. */
  private attach(code: Code, draft: ItemDraft): void {
    const parts = attachCode(code.lang, code.value, draft, { ctx: this.ctx, scope: this.scope });
    this.items.splice(this.items.indexOf(draft) + 1, 0, ...parts);
    this.lastCommand = parts[parts.length - 1] ?? draft;
  }

  /** "### 2) Execute" under this heading: one item, its text the description, its code the run. */
  stepHeading(node: OutlineNode): void {
    const draft = newItem(node.title);
    const parts: ItemDraft[] = [];
    collectSpans(node.heading.children, draft);
    for (const block of node.blocks) {
      if (block.type === 'code') parts.push(...attachCode(block.lang, block.value, draft, { ctx: this.ctx, scope: this.scope }));
      else if (block.type === 'paragraph') {
        draft.description.push(inlineText(block.children));
        collectSpans(block.children, draft);
      } else if (block.type !== 'thematicBreak') draft.description.push(blockText(block, this.ctx.source));
    }
    this.items.push(draft, ...parts);
  }

  table(table: Table, leadIn: string | undefined): void {
    this.openStep = undefined;
    if (leadIn) this.description.push(leadIn);
    handleTable(table, leadIn, this);
  }

  keepBlock(block: RootContent): void {
    const htmlTable = block.type === 'html' ? htmlTableData(block.value) : undefined;
    if (htmlTable && block.type === 'html') {
      this.openStep = undefined;
      handleTableData(htmlTable, block.value, undefined, this);
      // A page exported as one HTML block holds more than its table: keep the rest as written.
      const rest = htmlAroundTable(block.value);
      if (!htmlText(rest)) return;
      this.description.push(rest);
      return this.ctx.keep('HTML block', this.scope.title);
    }
    const text = block.type === 'table' ? sourceOf(block, this.ctx.source) : blockText(block, this.ctx.source);
    if (!text.trim() || /^<br\s*\/?>$/i.test(text.trim())) return;
    // A warning (blockquote) belongs to its step; HTML (<details>, a table) starts something else.
    if (block.type === 'html') this.openStep = undefined;
    (this.openStep?.description ?? this.description).push(text);
    const what = block.type === 'html' ? (text.trim().startsWith('<!--') ? 'HTML comment' : 'HTML block') : block.type;
    this.ctx.keep(what, this.scope.title);
  }
}

export type { SectionBuilder };

export function buildSection(scope: Scope, blocks: RootContent[], stepHeadings: OutlineNode[], ctx: ImportContext): SectionOut {
  const builder = new SectionBuilder(scope, ctx);
  let leadIn: string | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as RootContent;
    const pending = leadIn;
    leadIn = undefined;
    if (block.type === 'paragraph') {
      const outcome = builder.paragraph(block.children, blocks[i + 1], blocks[i - 1]);
      if (outcome === 'lead-in') leadIn = inlineText(block.children, ' ');
      if (outcome === 'consumed-next') i++;
    } else if (block.type === 'list') builder.list(block, pending);
    else if (block.type === 'table') builder.table(block, pending);
    else if (block.type === 'code') builder.code(block, pending, blocks[i - 1], blocks[i + 1]);
    else if (block.type !== 'thematicBreak') builder.keepBlock(block);
  }
  stepHeadings.forEach((node) => builder.stepHeading(node));
  const heading = headingAnnotations(scope, builder.description, builder.items, ctx);
  const ownTitle = heading?.ownTitle ?? scope.ownTitle;
  if (heading) builder.description.splice(0, builder.description.length, ...heading.description);
  // A section that is one bare code block: its heading names the step better than the command.
  const only = builder.items.length === 1 ? builder.items[0] : undefined;
  if (only && !only.title.trim()) only.title = stripNumbering(ownTitle);
  const id = ctx.sectionIds.take(sectionSlug(ownTitle), 'section');
  const kind = textOnlyKind(scope.kind, builder);
  const kinds = ctx.sectionsByKind.get(kind) ?? [];
  ctx.sectionsByKind.set(kind, [...kinds, id]);
  const { keep, phases } = splitPhases(builder.items, scope.kind);
  const title = scope.title.slice(0, scope.title.length - scope.ownTitle.length) + ownTitle;
  const section: SectionOut = { id, title, kind, items: keep.map((d) => finishItem(d, ctx, scope)) };
  for (const phase of phases) ctx.tableSections.push({ after: id, section: phaseSection(section, phase, ctx) });
  const rollback = tableRollbackSection(section, builder.items.flatMap((d) => (d.undo ? [d.undo] : [])), ctx);
  if (rollback) ctx.tableSections.push({ after: id, section: rollback });
  const description = [...builder.description, ...builder.mapped].filter((t) => t.trim());
  if (description.length) section.description = description.join('\n\n');
  if (builder.requires) section.requires = builder.requires;
  return section;
}

// Kinds that exist to hold checks or steps: empty, `validate` warns that they do nothing.
const ITEM_KINDS: ReadonlySet<Scope['kind']> = new Set(['gates', 'smoke', 'rollback', 'rollforward']);

/**
 * "## Rollback triggers" whose list all became rules, "## Abort criteria" that became severity
 * levels: no step is left, only what they say about deciding. Such a section is triage.
 */
function textOnlyKind(kind: Scope['kind'], builder: SectionBuilder): Scope['kind'] {
  return !builder.items.length && builder.mapped.length && ITEM_KINDS.has(kind) ? 'triage' : kind;
}

function sectionSlug(title: string): string {
  return slugify(stripNumbering(title), 4);
}
