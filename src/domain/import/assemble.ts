// The collected drafts -> one checklist object in schema key order, with defaults left out so the
// YAML stays small. Rule conditions are resolved here: section kinds to ids, level names to the
// declared levels (a level a rule names but the runbook never defines is declared, and noted).
import type { z } from 'zod';
import type { ChecklistBase, RuleCondition } from '../checklist-schema.js';
import type { ImportContext, RuleDraft } from './context.js';
import type { SectionOut } from './section-builder.js';

export type ChecklistOut = z.input<typeof ChecklistBase>;

export interface Header {
  id: string;
  title: string;
  version: string;
  description?: string;
  owner?: string;
}

function condition(rule: RuleDraft, ctx: ImportContext): z.input<typeof RuleCondition> | undefined {
  const parsed = rule.condition;
  if (!parsed) return undefined;
  if (parsed.failedChecks !== undefined) {
    const section = parsed.sectionKind ? ctx.sectionsByKind.get(parsed.sectionKind)?.[0] : undefined;
    return { failedChecks: parsed.failedChecks, ...(section ? { section } : {}) };
  }
  const severity = (parsed.severity ?? []).map((name) => {
    const found = ctx.findLevel(name);
    if (found) return found.id;
    ctx.notices.push(`rule "${rule.id}" names severity ${name}, which the runbook does not define: declared it`);
    return ctx.level(name, name).id;
  });
  const when: z.input<typeof RuleCondition> = { severity: severity.length === 1 ? (severity[0] as string) : severity };
  if (parsed.atLeast && parsed.atLeast > 1) when.atLeast = parsed.atLeast;
  if (parsed.within) when.within = parsed.within;
  return when;
}

export function assemble(header: Header, sections: SectionOut[], ctx: ImportContext): ChecklistOut {
  const rules = ctx.rules.map((rule) => {
    const when = condition(rule, ctx);
    return { id: rule.id, text: rule.text, ...(when ? { when } : {}), recommend: rule.recommend, ...(rule.unless ? { unless: rule.unless } : {}) };
  });
  const levels = ctx.levels.map(({ id, title, description, criteria }) => ({ id, title, ...(description ? { description } : {}), ...(criteria.length ? { criteria } : {}) }));
  const roles = [...ctx.roles.values()].map(({ id, title, description, required, name, contact, backup }) => ({
    id, title: ctx.expandTitle(title), ...(description ? { description } : {}), ...(required ? { required } : {}), ...(name ? { name } : {}), ...(contact ? { contact } : {}), ...(backup ? { backup } : {}),
  }));
  return {
    id: header.id,
    title: header.title,
    version: header.version,
    ...(header.description ? { description: header.description } : {}),
    ...(header.owner ? { owner: header.owner } : {}),
    ...(ctx.variables.size ? { variables: [...ctx.variables.values()] } : {}),
    ...(roles.length ? { roles } : {}),
    ...(ctx.links.length ? { links: ctx.links } : {}),
    ...(levels.length || rules.length ? { severity: { ...(levels.length ? { levels } : {}), ...(rules.length ? { rules } : {}) } } : {}),
    sections: sections.map(({ id, title, kind, description, requires, items }) => ({
      id, title, kind, ...(description ? { description } : {}), ...(requires ? { requires } : {}), items,
    })),
    ...(ctx.evidenceTemplate.length ? { evidenceTemplate: ctx.evidenceTemplate } : {}),
  };
}
