// A paragraph that is only bold text ("**Rollback**") used as a heading. Without any heading in
// the document, each such label that names a section kind is one (the first block is the title);
// under headings, only a label that starts a rollback or roll-forward is promoted, so that those
// steps are never walked as part of the section before them. A numbered phase ("Phase 2 — …") is
// always one, for the same reason: its steps are not the previous phase's.
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { inlineText, isBoldLabel } from './inline-text.js';
import { inferKind, stripNumbering } from './section-kind.js';
import { triggerRecommendation } from './severity.js';

const MAX_LABEL = 60;

function labelOf(block: RootContent): string | undefined {
  if (block.type !== 'paragraph' || !isBoldLabel(block.children)) return undefined;
  const text = inlineText(block.children, ' ').replace(/\s*:$/, '');
  // "Step 1: Drain" is a step of the section, not a section.
  if (!text || text.length > MAX_LABEL || /[.!?]$/.test(text) || stripNumbering(text) !== text) return undefined;
  // "Rollback Trigger:" introduces rules, not steps.
  if (triggerRecommendation(text, true)) return undefined;
  return text;
}

// "**Phase 2 — Upgrade control plane**": one of a runbook's numbered phases, whatever its words.
const NUMBERED_PHASE = /^(?:phase|stage|part|wave)\s*\d+\b/i;

function heading(block: Paragraph, depth: Heading['depth']): Heading {
  const children = block.children.flatMap((c) => (c.type === 'strong' ? c.children : []));
  return { type: 'heading', depth, children, ...(block.position ? { position: block.position } : {}) };
}

export function promoteBoldHeadings(root: Root): void {
  const headingless = !root.children.some((b) => b.type === 'heading');
  let current: Heading | undefined;
  root.children = root.children.map((block, index) => {
    if (block.type === 'heading') current = block;
    const label = labelOf(block);
    if (!label || block.type !== 'paragraph') return block;
    const kind = inferKind(label);
    const phase = NUMBERED_PHASE.test(label);
    if (headingless) {
      if (index === 0 && !phase) return heading(block, 1);
      return kind || phase ? heading(block, 2) : block;
    }
    const currentKind = current ? inferKind(inlineText(current.children, ' ')) : undefined;
    if (((kind === 'rollback' || kind === 'rollforward') && kind !== currentKind) || phase) {
      return heading(block, Math.min(6, (current?.depth ?? 1) + 1) as Heading['depth']);
    }
    return block;
  });
}
