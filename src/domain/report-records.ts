// The record sections of the report: roles, gates, incidents, rules, decisions, sign-offs,
// destructive confirmations, overrides, roll-forward requirements, notes and exports. Each returns nothing when empty
// unless an empty section says something a reader needs (e.g. "no incidents").
import { formatDuration } from './duration.js';
import { RECOMMENDATION_LABEL } from './severity-rules.js';
import { headlineWithDecision } from './recommendation-decision.js';
import { exitText, itemLabel, type ReportContext } from './report-context.js';
import { code, table, text } from './report-markdown.js';

export const section = (title: string, body: string[]): string[] => [`## ${title}`, '', ...body, ''];

export function renderRoles(ctx: ReportContext): string[] {
  const roles = ctx.checklist.roles;
  if (roles.length === 0) return [];
  const rows = roles.map((role) => {
    const who = ctx.state.roles[role.id];
    const name = !who ? (role.required ? '**not assigned**' : '—') : who.tbd ? 'TBD (acknowledged)' : text(who.name);
    return [text(role.title), role.required ? 'yes' : '', name, text(who?.contact ?? ''), text(who?.backup ?? ''), who ? ctx.offset(who.at) : ''];
  });
  return section('Roles', [table(['Role', 'Required', 'Name', 'Contact', 'Backup', 'Assigned'], rows)]);
}

export function renderGates(ctx: ReportContext): string[] {
  const gates = ctx.checklist.sections.filter((s) => s.kind === 'gates');
  if (gates.length === 0) return [];
  const rows = gates.flatMap((s) =>
    s.items.map((item) => {
      const it = ctx.state.items[`${s.id}/${item.id}`];
      const run = it?.lastRunId ? ctx.state.runs[it.lastRunId] : undefined;
      const why = it?.note || (it?.status === 'fail' ? run?.finished?.reasons.join('; ') : '') || '';
      return [item.id, text(item.title), `**${itemLabel(ctx, s.id, item.id, it)}**`, run ? exitText(run) : '', text(why)];
    }),
  );
  const goNoGo = ctx.state.decisions.filter((d) => d.decision === 'go' || d.decision === 'no-go');
  const decided = goNoGo.map((d) => `Go/no-go decision at ${ctx.offset(d.at)}: **${d.decision.toUpperCase()}** by ${text(d.by)} — ${text(d.reason)}`);
  return section('Gate results', [table(['Gate', 'Check', 'Result', 'Exit', 'Note'], rows), ...(decided.length ? ['', ...decided] : [])]);
}

export function renderIncidents(ctx: ReportContext): string[] {
  const incidents = ctx.state.incidents;
  if (incidents.length === 0) return section('Incidents', ['No incidents were declared.']);
  const rows = incidents.map((inc) => [
    inc.incidentId,
    `**${inc.severity}**`,
    text(inc.title) + (inc.description ? `\n${text(inc.description)}` : ''),
    inc.section ? `${inc.section}${inc.item ? `/${inc.item}` : ''}` : '',
    ctx.offset(inc.declaredAt),
    inc.resolvedAt ? `${ctx.offset(inc.resolvedAt)}${inc.resolution ? ` — ${text(inc.resolution)}` : ''}` : '**open**',
  ]);
  return section('Incidents', [table(['Id', 'Severity', 'Title', 'Where', 'Declared', 'Resolved'], rows)]);
}

export function renderRules(ctx: ReportContext): string[] {
  const rows: string[][] = [];
  const open = new Map<string, string[]>();
  for (const e of ctx.events) {
    if (e.type === 'rule.fired') {
      const label = RECOMMENDATION_LABEL[e.recommend as keyof typeof RECOMMENDATION_LABEL] ?? e.recommend;
      const row = [ctx.offset(e.ts), text(e.text), label, text(e.reason), 'still firing'];
      rows.push(row);
      open.set(e.rule, row);
    } else if (e.type === 'rule.cleared') {
      const row = open.get(e.rule);
      if (row) row[4] = ctx.offset(e.ts);
      open.delete(e.rule);
    }
  }
  const now = `Current recommendation: **${text(headlineWithDecision(ctx.evaluation, ctx.state, ctx.offset))}**`;
  if (rows.length === 0) return section('Severity rules', ['No rule fired.', '', now]);
  return section('Severity rules', [table(['Fired', 'Rule', 'Recommendation', 'Why', 'Cleared'], rows), '', now]);
}

export function renderDecisions(ctx: ReportContext): string[] {
  if (ctx.state.decisions.length === 0) return section('Decisions', ['No decision was recorded.']);
  const rows = ctx.state.decisions.map((d) => [ctx.offset(d.at), `**${d.decision.toUpperCase()}**`, text(d.reason), text(d.by)]);
  return section('Decisions', [table(['At', 'Decision', 'Reason', 'By'], rows)]);
}

export function renderSignoffs(ctx: ReportContext): string[] {
  const signoffs = ctx.state.signoffs;
  const hasSignoffSection = ctx.checklist.sections.some((s) => s.kind === 'signoff');
  if (signoffs.length === 0) return hasSignoffSection ? section('Sign-offs', ['**No sign-off was recorded.**']) : [];
  const title = (id: string): string => ctx.checklist.roles.find((r) => r.id === id)?.title ?? id;
  const rows = signoffs.map((s) => [ctx.offset(s.at), text(title(s.role)), text(s.name), s.item ?? '', text(s.note)]);
  return section('Sign-offs', [table(['At', 'Role', 'Name', 'Item', 'Note'], rows)]);
}

export function renderDestructive(ctx: ReportContext): string[] {
  if (ctx.state.destructive.length === 0) return [];
  const rows = ctx.state.destructive.map((d) => [
    ctx.offset(d.at),
    `${d.section}/${d.item}`,
    d.outcome === 'confirmed' ? 'confirmed' : '**refused**',
    d.outcome === 'confirmed' ? `typed ${code(d.detail)}` : text(d.detail),
  ]);
  return section('Destructive steps', [table(['At', 'Item', 'Outcome', 'Detail'], rows)]);
}

export function renderOverrides(ctx: ReportContext): string[] {
  if (ctx.state.overrides.length === 0) return [];
  const rows = ctx.state.overrides.map((o) => [ctx.offset(o.at), text(ctx.sectionTitle(o.section)), text(o.reason), text(o.unmet.join('; '))]);
  return section('Overrides', [table(['At', 'Section', 'Reason', 'Requirements not met'], rows)]);
}

/** Each `requires.text` of a roll-forward the session went into: who confirmed it and when, or that nobody did. */
export function renderRequirements(ctx: ReportContext): string[] {
  const { state } = ctx;
  const reached = (id: string): boolean =>
    state.confirmations.some((c) => c.section === id) || state.overrides.some((o) => o.section === id) || Object.keys(state.items).some((key) => key.startsWith(`${id}/`));
  const rows = ctx.checklist.sections
    .filter((s) => s.requires?.text.length && reached(s.id))
    .flatMap((s) =>
      (s.requires?.text ?? []).map((requirement) => {
        const confirmed = state.confirmations.find((c) => c.section === s.id && c.texts.includes(requirement));
        const who = confirmed ? (confirmed.unattended ? `${text(confirmed.by)} (unattended run, --confirm-requirements)` : text(confirmed.by)) : '**not confirmed**';
        return [text(s.title), text(requirement), who, confirmed ? ctx.offset(confirmed.at) : ''];
      }),
    );
  return rows.length ? section('Roll-forward requirements', [table(['Section', 'Requirement', 'Confirmed by', 'At'], rows)]) : [];
}

export function renderNotes(ctx: ReportContext): string[] {
  const free = ctx.state.notes.filter((n) => !n.item);
  if (free.length === 0) return [];
  const where = (s?: string): string => (s ? ` (${text(ctx.sectionTitle(s))})` : '');
  return section('Notes', free.map((n) => `- ${ctx.offset(n.at)} ${text(n.by)}${where(n.section)}: ${text(n.text)}`));
}

export function renderExports(ctx: ReportContext): string[] {
  if (ctx.state.exports.length === 0) return [];
  const rows = ctx.state.exports.map((x) => [ctx.offset(x.at), x.format, code(x.path)]);
  return section('Earlier exports', [table(['At', 'Format', 'Path'], rows)]);
}
