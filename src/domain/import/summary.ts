// What an import mapped, for the stderr summary and for tests.
import type { ChecklistOut } from './assemble.js';
import type { ImportContext } from './context.js';
import { plural } from '../plural.js';

export interface ImportSummary {
  sections: number;
  sectionKinds: Record<string, number>;
  items: number;
  commands: number;
  destructive: number;
  roles: number;
  variables: number;
  links: number;
  severityLevels: number;
  rules: number;
  rulesWithCondition: number;
  evidenceFields: number;
  blankRowsSkipped: number;
  keptAsDescription: string[];
  notices: string[];
}

export function summarize(checklist: ChecklistOut, ctx: ImportContext, hadCrlf: boolean): ImportSummary {
  const items = (checklist.sections ?? []).flatMap((s) => s.items ?? []);
  const sectionKinds: Record<string, number> = {};
  for (const s of checklist.sections ?? []) sectionKinds[s.kind] = (sectionKinds[s.kind] ?? 0) + 1;
  const rules = checklist.severity?.rules ?? [];
  const notices = [...ctx.notices];
  if (hadCrlf) notices.unshift('converted CRLF line endings');
  return {
    sections: checklist.sections?.length ?? 0,
    sectionKinds,
    items: items.length,
    commands: items.filter((i) => i.run).length,
    destructive: items.filter((i) => i.destructive).length,
    roles: checklist.roles?.length ?? 0,
    variables: checklist.variables?.length ?? 0,
    links: checklist.links?.length ?? 0,
    severityLevels: checklist.severity?.levels?.length ?? 0,
    rules: rules.length,
    rulesWithCondition: rules.filter((r) => r.when).length,
    evidenceFields: checklist.evidenceTemplate?.length ?? 0,
    blankRowsSkipped: ctx.blankRows,
    keptAsDescription: [...ctx.keptAsDescription],
    notices,
  };
}

const SHOWN = 5;

export function formatSummary(summary: ImportSummary, source: string, target: string): string {
  const kinds = Object.entries(summary.sectionKinds).map(([k, n]) => `${n} ${k}`).join(', ');
  const manual = summary.rules - summary.rulesWithCondition;
  const lines = [
    `imported ${source} -> ${target}`,
    `  sections:  ${summary.sections}${kinds ? ` (${kinds})` : ''}`,
    `  items:     ${summary.items}, ${summary.commands} with a command${summary.destructive ? `, ${summary.destructive} marked destructive` : ''}`,
    `  roles:     ${summary.roles}${summary.variables ? `   variables: ${summary.variables}` : ''}   links: ${summary.links}`,
    `  severity:  ${plural(summary.severityLevels, 'level')}, ${plural(summary.rules, 'rule')}${manual ? ` (${manual} manual trigger${manual === 1 ? '' : 's'} without a condition)` : ''}`,
  ];
  if (summary.evidenceFields) lines.push(`  evidence template: ${plural(summary.evidenceFields, 'field')}`);
  if (summary.blankRowsSkipped) lines.push(`  skipped ${plural(summary.blankRowsSkipped, 'blank template row')}`);
  const kept = summary.keptAsDescription;
  lines.push(`  kept only as description: ${plural(kept.length, 'block')}${kept.length ? ':' : ''}`);
  kept.slice(0, SHOWN).forEach((k) => lines.push(`    - ${k}`));
  if (kept.length > SHOWN) lines.push(`    … and ${kept.length - SHOWN} more`);
  summary.notices.forEach((n) => lines.push(`  note: ${n}`));
  lines.push('  commands were not run; review the checklist, then: cutover validate <file>');
  return lines.join('\n');
}
