// Headings -> flat, ordered sections. A heading with content is a section; a heading with only
// sub-headings lends its title to them ("Rollback Procedures / Manual Rollback"). Numbered step
// headings with plain bodies ("### 2) Execute") are items of their parent's section. Under a
// severity heading, "### P0: Consensus failure" declares level P0 and is that level's playbook.
import type { SectionKindName } from '../checklist-schema.js';
import type { ImportContext } from './context.js';
import { levelFromLabel } from './levels.js';
import type { OutlineNode } from './markdown-tree.js';
import { buildSection, type SectionOut } from './section-builder.js';
import { inferKind } from './section-kind.js';
import { levelLabelOf, makeScope } from './section-scope.js';

const STEP_HEADING = /^(?:(?:step|task|stage)\s*#?\s*\d+[a-z]?\b|\d+(?:\.\d+)*[.):]?\s)/i;
const PLAIN_BODY = new Set(['paragraph', 'code', 'html', 'blockquote', 'thematicBreak']);

export function isStepHeading(node: OutlineNode): boolean {
  return STEP_HEADING.test(node.title) && !node.children.length && node.blocks.every((b) => PLAIN_BODY.has(b.type));
}

interface Parent {
  kind?: SectionKindName;
  prefix: string;
  severity: boolean;
  roles?: boolean;
}

export function walkOutline(nodes: OutlineNode[], parent: Parent, ctx: ImportContext): SectionOut[] {
  const out: SectionOut[] = [];
  for (const node of nodes) {
    let kind = inferKind(node.title) ?? parent.kind ?? 'steps';
    const label = parent.severity ? levelLabelOf(node.title) : undefined;
    if (label) {
      levelFromLabel(label, node.title, ctx);
      if (kind === 'triage') kind = 'playbook';
    }
    const title = parent.prefix + node.title;
    // A sub-heading with words of its own ("Rollback steps") is read by them, not as its parent's contacts.
    const scope = makeScope(title, node.title, kind, parent.severity, Boolean(parent.roles) && !inferKind(node.title));
    const steps = node.children.length && node.children.every(isStepHeading) ? node.children : [];
    const subsections = steps.length ? [] : node.children;
    const hasContent = steps.length > 0 || node.blocks.some((b) => b.type !== 'thematicBreak');
    if (hasContent || !subsections.length) {
      const section = buildSection(scope, node.blocks, steps, ctx);
      if (label) section.description = [`Response to severity ${label.id}.`, section.description].filter(Boolean).join('\n\n');
      out.push(section);
    }
    out.push(...walkOutline(subsections, { kind, prefix: hasContent ? '' : `${title} / `, severity: scope.severity, roles: scope.roles }, ctx));
  }
  return out;
}
