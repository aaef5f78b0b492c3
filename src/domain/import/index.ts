// `cutover import`: a markdown runbook -> a checklist object and a summary of what went where.
// Pure: the caller reads the file and writes the result. Commands are never run here.
import type { RootContent } from 'mdast';
import { CutoverError, EXIT } from '../errors.js';
import { assemble, type ChecklistOut } from './assemble.js';
import { blockText, htmlHeading } from './block-text.js';
import { isShellLang, looksLikeShell } from './commands.js';
import { ImportContext } from './context.js';
import { readMetadata, splitFrontMatter, type FrontMatter } from './front-matter.js';
import { isValidId, slugify } from './ids.js';
import { buildOutline, parseMarkdown, type OutlineNode } from './markdown-tree.js';
import { markUnclosedFences } from './unclosed-fences.js';
import { checkImportable } from './limits.js';
import { refuseAsciiDoc } from './other-formats.js';
import { normalizeText, type NormalizedText } from './normalize.js';
import { buildSection, NUMBERED_STEP, type SectionOut } from './section-builder.js';
import { inlineText } from './inline-text.js';
import { inferKind } from './section-kind.js';
import { makeScope } from './section-scope.js';
import { summarize, type ImportSummary } from './summary.js';
import { isStepTableBlock } from './section-tables.js';
import { isStepHeading, walkOutline } from './outline-walk.js';
import { readIntroTables } from './intro-tables.js';

export type { ChecklistOut } from './assemble.js';
export type { ImportSummary } from './summary.js';
export { formatSummary } from './summary.js';
export { serializeChecklist } from './serialize.js';

export interface ImportOptions {
  /** File name as shown to the user: default id and title come from it. */
  source: string;
  id?: string;
}

export interface ImportResult {
  checklist: ChecklistOut;
  summary: ImportSummary;
}

/** Content before the first section that is steps rather than an introduction. */
function isActionable(blocks: RootContent[]): boolean {
  return blocks.some(
    (b) =>
      (b.type === 'list' && (b.ordered || b.children.some((c) => typeof c.checked === 'boolean'))) ||
      (b.type === 'code' && (isShellLang(b.lang) || (!b.lang && looksLikeShell(b.value)))) ||
      isStepTableBlock(b),
  );
}

function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
}

function fileStem(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  return base.replace(/\.[^.]+$/, '');
}

function checklistId(options: ImportOptions, front: FrontMatter | undefined, title: string): string {
  if (options.id !== undefined) {
    if (!isValidId(options.id)) throw new CutoverError(`--id "${options.id}" is not a valid id`, EXIT.usage, 'use letters, digits, ".", "_" or "-", starting with a letter or digit');
    return options.id;
  }
  if (front?.id && isValidId(front.id)) return front.id;
  const stem = options.source === 'stdin' ? '' : fileStem(options.source).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|-+$/g, '');
  // A name such as /dev/fd/63 (process substitution), or standard input, says nothing: the title does.
  return (isValidId(stem) && /[A-Za-z]/.test(stem) ? stem : slugify(title, 6)) || 'imported-runbook';
}

export function importRunbook(raw: string, options: ImportOptions): ImportResult {
  refuseAsciiDoc(raw, options.source);
  const normalized = normalizeText(raw);
  checkImportable(normalized.text, options.source);
  try {
    return importText(normalized, options);
  } catch (error) {
    // Nesting within the bounds of checkImportable can still exhaust the stack of a small thread.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new CutoverError(`${options.source} is nested too deeply to import (lists or block quotes inside each other)`, EXIT.usage);
    }
    throw error;
  }
}

function importText(normalized: NormalizedText, options: ImportOptions): ImportResult {
  const split = splitFrontMatter(normalized.text);
  const front = split.frontMatter;
  const ctx = new ImportContext(split.body);
  if (normalized.mojibakeRepairs) ctx.notices.push(`repaired ${normalized.mojibakeRepairs} mis-encoded character sequence(s) (mojibake such as "â†’" -> "→")`);
  if (normalized.wikiMarkup) ctx.notices.push('read as Confluence/Jira wiki markup (h1. headings, # lists, {{code}}): check the steps came out right');
  if (normalized.shortcodes) ctx.notices.push(`dropped ${normalized.shortcodes} Hugo shortcode line(s) ({{< … >}}, {{% … %}}) and read what they wrap; a tab's name leads in its commands`);
  if (normalized.mkdocsBlocks) ctx.notices.push(`read ${normalized.mkdocsBlocks} MkDocs admonition or tab block(s) (!!!, ???, ===) as their indented content; a tab's name leads in its commands`);
  if (split.problem) ctx.notices.push(split.problem);
  const tree = parseMarkdown(split.body);
  for (const line of markUnclosedFences(tree, split.body)) {
    ctx.notices.push(`line ${line}: a code block opens here and is never closed, so it runs to the end of the file; kept as text, not run (add the closing fence)`);
  }
  const outline = buildOutline(tree);

  const single = outline.roots.length === 1 && outline.roots[0]?.depth === 1 ? outline.roots[0] : undefined;
  const firstH1 = outline.roots.find((n) => n.depth === 1);
  const title = front?.title ?? (single ?? firstH1)?.title ?? htmlHeading(outline.preamble) ?? fileStem(options.source);
  const introTables = readIntroTables([...outline.preamble, ...(single?.blocks ?? [])], ctx);
  let intro: RootContent[] = introTables.blocks;
  const nodes: OutlineNode[] = single ? single.children : outline.roots;

  let sections: SectionOut[];
  if (nodes.length && nodes.every(isStepHeading)) {
    const scope = makeScope(title, title, inferKind(title) ?? 'steps', false);
    sections = [buildSection(scope, [], nodes, ctx)];
  } else sections = walkOutline(nodes, { prefix: '', severity: false }, ctx);
  if (intro.length && (!sections.length || isActionable(intro))) {
    // A table of steps, or "Step 1: …" paragraphs, before any heading are the runbook's procedure, not a preamble to it.
    const procedure = intro.some((b) => isStepTableBlock(b) || (b.type === 'paragraph' && NUMBERED_STEP.test(inlineText(b.children, ' '))));
    const sectionTitle = sections.length && !procedure ? 'Before you start' : title;
    const scope = makeScope(sectionTitle, sectionTitle, inferKind(title) ?? 'steps', false);
    sections.unshift(buildSection(scope, intro, [], ctx));
    intro = [];
  }
  const hasContent = sections.some((s) => s.items.length || withoutComments(s.description ?? '')) || intro.some((b) => b.type !== 'html' || withoutComments(b.value));
  if (!sections.length || !hasContent) {
    const comments = /<!--/.test(split.body);
    const headings = outline.roots.length > 0;
    const what = !sections.length ? 'no headings, steps or text' : headings ? `only headings${comments ? ' and HTML comments' : ''}, with no steps or text under them` : 'only HTML comments, with no steps or text';
    throw new CutoverError(`${options.source} has nothing to import: ${what}`, EXIT.usage);
  }

  // In the order they were made: the second section made from one table follows the first.
  const placed = new Map<string, number>();
  for (const { after, section } of ctx.tableSections) {
    const count = placed.get(after) ?? 0;
    sections.splice(sections.findIndex((s) => s.id === after) + 1 + count, 0, section);
    placed.set(after, count + 1);
  }
  const introText = [...intro.map((b) => blockText(b, split.body)), ...introTables.mapped].filter((t) => t.trim());
  const meta = readMetadata(introText.join('\n').split('\n'));
  const heading = (single ?? firstH1)?.title;
  const shadowed = front?.title && heading && heading !== front.title ? heading : undefined;
  const description = [shadowed, front?.description, ...(front?.extra ?? []), ...introText].filter(Boolean).join('\n\n');
  const id = checklistId(options, front, title);
  if (front?.id && options.id === undefined && id !== front.id) ctx.notices.push(`front matter id "${front.id}" is not a valid id (letters, digits, ".", "_", "-"): used "${id}"`);
  const checklist = assemble(
    {
      id,
      title,
      version: front?.version ?? meta.version ?? meta.date ?? '1',
      ...(description ? { description } : {}),
      ...(front?.owner ?? meta.owner ? { owner: front?.owner ?? meta.owner } : {}),
    },
    sections,
    ctx,
  );
  return { checklist, summary: summarize(checklist, ctx, normalized.hadCrlf) };
}
