// Any markdown block as description text: paragraphs as plain text, lists as "- " lines, code
// fenced, tables exactly as written. Used wherever a block maps to no field of its own.
import type { List, Nodes, RootContent } from 'mdast';
import { inlineText } from './inline-text.js';
import { sourceOf } from './markdown-tree.js';
import { joinLines } from './line-breaks.js';

function indent(text: string, by: string): string {
  return text.split('\n').map((l, i) => (i === 0 || !l ? l : by + l)).join('\n');
}

export function listText(list: List, source: string): string {
  return list.children
    .map((item, i) => {
      const marker = list.ordered ? `${(list.start ?? 1) + i}. ` : '- ';
      const box = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
      const parts = item.children.map((child, j) => {
        const text = blockText(child, source);
        return j === 0 && child.type === 'paragraph' ? joinLines(text) : text;
      });
      return indent(marker + box + parts.filter(Boolean).join('\n'), ' '.repeat(marker.length));
    })
    .join('\n');
}

export function blockText(node: RootContent | Nodes, source: string): string {
  switch (node.type) {
    case 'paragraph':
      return inlineText(node.children);
    case 'heading':
      return `${'#'.repeat(node.depth)} ${inlineText(node.children, ' ')}`;
    case 'list':
      return listText(node, source);
    case 'code':
      return `\`\`\`${node.lang ?? ''}\n${node.value}\n\`\`\``;
    case 'blockquote':
      return node.children.map((c) => blockText(c, source)).join('\n').split('\n').map((l) => `> ${l}`).join('\n');
    case 'html':
      return node.value;
    case 'thematicBreak':
      return '';
    case 'definition':
      return `[${node.label ?? node.identifier}]: ${node.url}`;
    case 'footnoteDefinition':
      return `[^${node.identifier}]: ${node.children.map((c) => blockText(c, source)).join(' ')}`;
    default:
      return sourceOf(node, source);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rarr: '→' };

/** The text of an HTML fragment: tags dropped, common entities decoded, spaces collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = Number(name.startsWith('#x') || name.startsWith('#X') ? `0x${name.slice(2)}` : name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole; // &#99999999; is no character
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The title of a page exported as HTML-in-markdown: its first `<h1>`. */
export function htmlHeading(blocks: RootContent[]): string | undefined {
  for (const block of blocks) {
    const inner = block.type === 'html' ? /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(block.value)?.[1] : undefined;
    const text = inner === undefined ? '' : htmlText(inner);
    if (text) return text;
  }
  return undefined;
}
