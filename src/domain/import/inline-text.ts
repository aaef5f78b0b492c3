// Phrasing content -> plain text as an operator should read it: emphasis dropped, `code` kept in
// backticks, links as "text (url)", <br> as a line break.
import type { Nodes, PhrasingContent } from 'mdast';
import { joinLines, trimAroundLineBreaks } from './line-breaks.js';

const BR = /^<br\s*\/?>$/i;

function fence(value: string): string {
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}

function render(node: Nodes, breakAs: string): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return fence(node.value);
    case 'break':
      return breakAs;
    case 'html':
      return BR.test(node.value.trim()) ? breakAs : node.value;
    case 'link': {
      const text = children(node.children, breakAs);
      const url = node.url;
      // A bare www.example.com is linked as http://www.example.com: the text says it all.
      const same = url === text || url === `mailto:${text}` || url === `http://${text}` || url === `https://${text}`;
      return !url || same || url.startsWith('#') ? text : `${text} (${url})`;
    }
    case 'image':
      return node.alt ? `${node.alt} (${node.url})` : node.url;
    case 'imageReference':
      return node.alt ?? '';
    case 'footnoteReference':
      return `[^${node.identifier}]`;
    default:
      return 'children' in node ? children(node.children as Nodes[], breakAs) : 'value' in node ? String(node.value) : '';
  }
}

function children(nodes: Nodes[], breakAs: string): string {
  return nodes.map((n) => render(n, breakAs)).join('');
}

/** Plain text of phrasing nodes; soft line breaks become `breakAs` when it is a space. */
export function inlineText(nodes: PhrasingContent[], breakAs = '\n'): string {
  const text = children(nodes, breakAs);
  return breakAs === ' ' ? joinLines(text).trim() : trimAroundLineBreaks(text).trim();
}

/** Values of the `code` spans among phrasing nodes, with the text just before and after each one. */
export function codeSpans(nodes: PhrasingContent[]): Array<{ code: string; before: string; after: string }> {
  const out: Array<{ code: string; before: string; after: string }> = [];
  let text = '';
  const walk = (list: Nodes[]): void => {
    for (const node of list) {
      if (node.type === 'inlineCode') {
        const previous = out[out.length - 1];
        if (previous) previous.after = text;
        out.push({ code: node.value, before: text, after: '' });
        text = '';
      } else if (node.type === 'text') text += node.value;
      else if ('children' in node) walk(node.children as Nodes[]);
    }
  };
  walk(nodes);
  const last = out[out.length - 1];
  if (last) last.after = text;
  return out;
}

/** A paragraph that is only bold text, e.g. `**Panel 1: Parity Rate**`: a label for what follows. */
export function isBoldLabel(nodes: PhrasingContent[]): boolean {
  const meaningful = nodes.filter((n) => !(n.type === 'text' && !n.value.trim()));
  return meaningful.length === 1 && meaningful[0]?.type === 'strong';
}
