// Markdown -> mdast (CommonMark + GFM tables and task lists), then an outline: the blocks under
// each heading, nested by heading depth.
import type { Heading, Nodes, Parent, Root, RootContent } from 'mdast';
import { SHORTCODE_MARKER } from './hugo-shortcodes.js';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { promoteBoldHeadings } from './bold-headings.js';
import { readCodeLanguages } from './code-language.js';
import { inlineText } from './inline-text.js';

export interface OutlineNode {
  title: string;
  depth: number;
  heading: Heading;
  /** Blocks between this heading and the next heading of any depth. */
  blocks: RootContent[];
  children: OutlineNode[];
}

export interface Outline {
  /** Blocks before the first heading. */
  preamble: RootContent[];
  roots: OutlineNode[];
}

// GitLab's [[_TOC_]], Python-Markdown's [TOC], kramdown's {:toc}: where a renderer draws a table
// of contents. Not content: read as text, [[_TOC_]] would even lose its underscores to emphasis.
const TOC_MARKER = /^(?:\[\[_?TOC_?\]\]|\[_?TOC_?\]|\{:toc\})$/i;

export function parseMarkdown(text: string): Root {
  const root = unified().use(remarkParse).use(remarkGfm).parse(text);
  promoteBoldHeadings(root);
  readShortcodeMarkers(root);
  readCodeLanguages(root);
  root.children = root.children.filter((block) => block.type !== 'paragraph' || !TOC_MARKER.test(inlineText(block.children, ' ')));
  return root;
}

/** Hugo shortcode markers: dropped, a tab's name kept as the lead-in ("Ubuntu, Debian or HypriotOS:") of what follows. */
function readShortcodeMarkers(parent: Parent): void {
  parent.children = parent.children.flatMap((child): Nodes[] => {
    if ('children' in child) readShortcodeMarkers(child);
    const marker = child.type === 'html' ? SHORTCODE_MARKER.exec(child.value.trim()) : undefined;
    if (!marker) return [child];
    const phrasing = parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell';
    return marker[1] && !phrasing ? [{ type: 'paragraph', children: [{ type: 'text', value: `${marker[1]}:` }], ...(child.position ? { position: child.position } : {}) }] : [];
  }) as typeof parent.children;
}

export function buildOutline(root: Root): Outline {
  const outline: Outline = { preamble: [], roots: [] };
  const stack: OutlineNode[] = [];
  for (const block of root.children) {
    if (block.type !== 'heading') {
      const current = stack[stack.length - 1];
      (current ? current.blocks : outline.preamble).push(block);
      continue;
    }
    // "Pre-checks {#pre}": an anchor or class attribute (Pandoc, MkDocs) is not part of the title.
    const title = inlineText(block.children, ' ').replace(/\s*\{\s*[#.][\w.-]+(?:\s+[^}]*)?\}\s*$/, '');
    if (!title) continue; // a bare "#" line: no words to make a section of, its content stays where it is
    const node: OutlineNode = { title, depth: block.depth, heading: block, blocks: [], children: [] };
    while (stack.length && (stack[stack.length - 1] as OutlineNode).depth >= node.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : outline.roots).push(node);
    stack.push(node);
  }
  return outline;
}

/** Source text of a node, dedented (for tables and other blocks kept as written). */
export function sourceOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const lines = source.slice(lineStart, end).split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n').trimEnd();
}
