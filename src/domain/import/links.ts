// Links from a list of references: markdown links, `path/or/url` spans after a label
// ("Release gate: `docs/gate.md`"), and labelled placeholders ("CI run: _TBD_", url "TBD").
import type { List, Nodes } from 'mdast';
import { blockText } from './block-text.js';
import type { ImportContext, LinkDraft } from './context.js';
import { inlineText } from './inline-text.js';
import { isPlaceholder } from './placeholders.js';

const PATHISH = /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|(?:\.{0,2}\/)?[\w@.~-]+(?:\/[\w@.~-]*)+|[\w.-]+\.(?:md|markdown|ya?ml|json|txt|html?|pdf|sh|py))$/i;

function linksIn(nodes: Nodes[], label: string | undefined): LinkDraft[] {
  const out: LinkDraft[] = [];
  const walk = (list: Nodes[]): void => {
    for (const node of list) {
      if (node.type === 'link') out.push({ title: inlineText(node.children, ' ') || label || node.url, url: node.url });
      else if (node.type === 'inlineCode' && PATHISH.test(node.value.trim())) out.push({ title: label ?? node.value.trim(), url: node.value.trim() });
      else if ('children' in node) walk(node.children as Nodes[]);
    }
  };
  walk(nodes);
  return out;
}

/**
 * Whether a list under a links heading holds references: a link, a path, or "Label: TBD". A task
 * list ("- [ ] Root cause analysis" under "Documentation and Analysis") is steps, not references.
 */
export function holdsReferences(list: List): boolean {
  if (list.children.some((entry) => typeof entry.checked === 'boolean')) return false;
  return list.children.some((entry) => {
    const first = entry.children[0];
    const text = first?.type === 'paragraph' ? inlineText(first.children, ' ') : '';
    const value = /^[^:`]{1,80}?:\s*(.*)$/.exec(text)?.[1] ?? '';
    return linksIn(entry.children as Nodes[], undefined).length > 0 || (value !== '' && (isPlaceholder(value) || PATHISH.test(value.trim())));
  });
}

export function isLinkList(list: List): boolean {
  return list.children.every((entry) => {
    const first = entry.children[0];
    return first?.type === 'paragraph' && first.children.length === 1 && first.children[0]?.type === 'link';
  });
}

/** Adds the links of a list; returns the entries that hold no link, as text. */
export function linksFromList(list: List, ctx: ImportContext, prefix?: string): string[] {
  const leftover: string[] = [];
  for (const entry of list.children) {
    const [first, ...rest] = entry.children;
    const text = first?.type === 'paragraph' ? inlineText(first.children, ' ') : '';
    const colon = /^([^:`]{1,80}?):\s*(.*)$/.exec(text);
    const label = colon?.[1]?.trim() ? [prefix, colon[1].trim()].filter(Boolean).join(' / ') : prefix;
    const found = first?.type === 'paragraph' ? linksIn(first.children, label) : [];
    if (!found.length && colon && isPlaceholder(colon[2] ?? '')) found.push({ title: label ?? text, url: 'TBD' });
    if (!found.length && colon && PATHISH.test((colon[2] ?? '').trim())) found.push({ title: label ?? text, url: (colon[2] ?? '').trim() });
    ctx.links.push(...found);
    if (!found.length && text && !rest.some((b) => b.type === 'list')) leftover.push(text);
    for (const block of rest) {
      if (block.type === 'list') leftover.push(...linksFromList(block, ctx, colon?.[1]?.trim() ?? (text.replace(/:$/, '') || prefix)));
      else leftover.push(blockText(block, ctx.source));
    }
  }
  return leftover.filter(Boolean);
}
