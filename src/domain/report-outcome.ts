// The report's outcome line: what a change-ticket reviewer must see before scrolling. The status
// counts only the latest pass of each section and the recommendation only what still fires, so a
// cutover that failed a check, declared a SEV0 and rolled back would otherwise open with "0 failed,
// no rule firing": the decisions, incidents, failures of earlier passes and missing sign-offs say it.
import type { ReportContext } from './report-context.js';
import { text } from './report-markdown.js';
import { plural } from './plural.js';

/** More decisions than this are summed up: the Decisions section lists them all. */
const DECISIONS_SHOWN = 3;

function decisions(ctx: ReportContext): string[] {
  const all = ctx.state.decisions;
  if (all.length === 0) return [];
  const shown = all.slice(-DECISIONS_SHOWN).map((d) => `**${d.decision.toUpperCase()}** at ${ctx.offset(d.at)} (${text(d.by)})`);
  const earlier = all.length - shown.length;
  // "decided 1 time, then HOLD, then …" read as one decision in all: say the rest came before.
  return [`decided ${earlier ? `${plural(earlier, 'time')} before, then ` : ''}${shown.join(', then ')}`];
}

function incidents(ctx: ReportContext): string[] {
  const all = ctx.state.incidents;
  if (all.length === 0) return [];
  const bySeverity = new Map<string, number>();
  for (const inc of all) bySeverity.set(inc.severity, (bySeverity.get(inc.severity) ?? 0) + 1);
  const severities = [...bySeverity].map(([severity, n]) => (all.length === 1 ? severity : `${n} ${severity}`)).join(', ');
  const open = all.filter((inc) => !inc.resolvedAt).length;
  const state = open === 0 ? (all.length === 1 ? 'resolved' : 'all resolved') : `**${open} open**`;
  return [`${plural(all.length, 'incident')} declared (${text(severities)}), ${state}`];
}

/** Checks that failed in a pass a later pass replaced (smoke before a rollback): the counts no longer show them. */
function earlierFailures(ctx: ReportContext): string[] {
  const failed = Object.values(ctx.state.history).filter((it) => it.status === 'fail' && it.pass < (ctx.state.passes[it.section] ?? 1));
  if (failed.length === 0) return [];
  const which = failed.map((it) => `${it.section}/${it.item} (pass ${it.pass})`).join(', ');
  return [`${plural(failed.length, 'check')} failed in an earlier pass: ${text(which)}`];
}

/** Once a cutover happened (T0 marked) or anyone signed: a CI gate run of a few sections is not asked for them. */
function signoffs(ctx: ReportContext): string[] {
  const items = ctx.checklist.sections.filter((s) => s.kind === 'signoff').flatMap((s) => s.items.map((item) => ({ s, item })));
  if (items.length === 0 || (!ctx.state.t0 && ctx.state.signoffs.length === 0)) return [];
  const roleTitle = (id: string | undefined) => ctx.checklist.roles.find((r) => r.id === id)?.title ?? id;
  const missing = items.filter(({ s, item }) => ctx.state.items[`${s.id}/${item.id}`]?.status !== 'pass');
  if (missing.length === 0) return [`signed off: all ${items.length}`];
  const names = missing.map(({ item }) => roleTitle(item.owner) ?? item.id).join(', ');
  return [`signed off: ${items.length - missing.length} of ${items.length} (**not signed: ${text(names)}**)`];
}

export function outcomeLines(ctx: ReportContext): string[] {
  const parts = [...decisions(ctx), ...incidents(ctx), ...earlierFailures(ctx), ...signoffs(ctx)];
  return parts.length ? [`> **Outcome:** ${parts.join(' · ')}`] : [];
}
