// The session report: the markdown that goes into the change ticket. Pure: everything it shows
// comes from the evidence (header, events, the state folded from them) and the checklist snapshot.
import { shellWord } from './command-template.js';
import { drillTimings } from './drill-timings.js';
import { openIncidentsBySeverity, totals } from './progress.js';
import { renderChecks } from './report-checks.js';
import { createContext, stillRunning, wasLocked, wasRefused, type ReportContext, type ReportInput } from './report-context.js';
import { code, plural, table, text } from './report-markdown.js';
import {
  renderDecisions,
  renderDestructive,
  renderExports,
  renderGates,
  renderIncidents,
  renderNotes,
  renderOverrides,
  renderRequirements,
  renderRoles,
  renderRules,
  renderSignoffs,
} from './report-records.js';
import { renderTimeline } from './report-timeline.js';
import { renderDrillTimings } from './report-drill.js';
import { renderClock } from './report-clock.js';
import { outcomeLines } from './report-outcome.js';
import { inFlightRuns, itemKey } from './session-state.js';
import { headlineWithDecision } from './recommendation-decision.js';

export type { ReportInput, RunOutput } from './report-context.js';

const utc = (ts: string): string => `${ts.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC`;

/** Items not run that the run counted as failed: destructive ones it refused, and those in locked sections. */
function notRunButFailed(ctx: ReportContext): { refused: number; locked: number } {
  const marks = ctx.checklist.sections.flatMap((s) => s.items.map((item) => ({ s, item, it: ctx.state.items[itemKey(s.id, item.id)] })));
  const refused = marks.filter(({ s, item, it }) => wasRefused(ctx, s.id, item.id, it)).length;
  return { refused, locked: marks.filter(({ it }) => wasLocked(it)).length };
}

function failedCount(failed: number, { refused, locked }: { refused: number; locked: number }): string {
  const why = [...(refused ? [`${refused} destructive, refused`] : []), ...(locked ? [`${locked} in a locked section`] : [])];
  return `${failed + refused + locked} failed${why.length ? ` (${why.join('; ')})` : ''}`;
}

function statusLines(ctx: ReportContext): string[] {
  const t = totals(ctx.checklist, ctx.state);
  const notRun = notRunButFailed(ctx);
  const counts = [`${t.pass} passed`, failedCount(t.fail, notRun), `${t.skip} skipped`, `${t.notRun - notRun.refused - notRun.locked} not run`];
  // every item is counted somewhere, "running" ones as statusLabel names them
  const running = stillRunning(ctx) ? t.running : 0;
  const cutShort = t.interrupted + t.running - running;
  if (cutShort) counts.push(`${cutShort} interrupted`);
  if (running) counts.push(`${running} running`);
  if (t.pending) counts.push(`${t.pending} not started`);
  const open = openIncidentsBySeverity(ctx.checklist, ctx.state);
  const incidents = open.length ? `open incidents: ${open.map((o) => `${o.count} ${o.severity}`).join(', ')}` : 'no open incidents';
  const lines = [`> **Status:** ${counts.join(' · ')} · ${incidents}`, `> **Recommendation:** ${text(headlineWithDecision(ctx.evaluation, ctx.state, ctx.offset))}`, ...outcomeLines(ctx)];
  const unfinished = inFlightRuns(ctx.state);
  if (unfinished.length && !stillRunning(ctx)) {
    const which = unfinished.map((r) => `${r.section}/${r.item} (${r.runId})`).join(', ');
    lines.push(`> **⚠ INTERRUPTED:** the recording process stopped while ${plural(unfinished.length, 'run was', 'runs were')} in flight: ${text(which)}.`);
  }
  const interrupted = ctx.state.runOrder.flatMap((id) => {
    const run = ctx.state.runs[id];
    return run?.interrupted ? [`${run.section}/${run.item} (${run.runId})`] : [];
  });
  if (interrupted.length) {
    lines.push(
      `> **⚠ ${plural(interrupted.length, 'run was', 'runs were')} interrupted** (the recording process died) and recorded as such when the session was resumed: ${text(interrupted.join(', '))}. ` +
        `${interrupted.length === 1 ? 'Its command' : 'Their commands'} may have gone on running: what ${interrupted.length === 1 ? 'it' : 'they'} did after that is not in this evidence.`,
    );
  }
  if (ctx.openElsewhere) lines.push(`> **Session still open** in ${text(ctx.openElsewhere)}: this report is a snapshot.`);
  if (ctx.damaged) lines.push(`> **⚠ DAMAGED EVIDENCE:** ${text(ctx.damaged)}. Only the intact events before it are reported.`);
  // A bare `>` between them: consecutive quote lines would otherwise render as one run-on paragraph.
  return lines.flatMap((line, i) => (i ? ['>', line] : [line]));
}

const lastClosed = (ctx: ReportContext) => [...ctx.events].reverse().find((e) => e.type === 'session.closed');

function ended(ctx: ReportContext): string {
  const closed = lastClosed(ctx);
  if (ctx.state.closed && closed) return utc(closed.ts);
  return `not closed (last event ${utc(ctx.state.lastEventAt)})`;
}

/** Why the session closed, as its closing process said: `headless run interrupted by SIGTERM`. */
function howItEnded(ctx: ReportContext): string[][] {
  const closed = lastClosed(ctx);
  return ctx.state.closed && closed?.type === 'session.closed' && closed.reason ? [['How it ended', text(closed.reason)]] : [];
}

/** The command line that started the session (recorded redacted): a headless run's sections and flags. */
function startedWith(ctx: ReportContext): string[][] {
  const started = ctx.events.find((e) => e.type === 'session.started');
  const argv = started?.type === 'session.started' ? started.argv : undefined;
  return argv?.length ? [['Started with', code(`cutover ${argv.map(shellWord).join(' ')}`)]] : [];
}

function headerTable(ctx: ReportContext): string {
  const h = ctx.header;
  const rows: string[][] = [
    ['Ticket', text(h.ticket)],
    ['Environment', text(h.environment)],
    ['Operator', text(h.operator)],
    ['Host', text(h.host)],
    ['Mode', h.mode === 'drill' ? '**DRILL** (rehearsal)' : 'live'],
    ['Checklist', `${code(h.checklist.id)} ${text(h.checklist.title)}, version ${text(h.checklist.version)}`],
    ['Checklist sha256', code(h.checklist.sha256)],
    ...(h.checklist.snapshotSha256
      ? [['Checklist snapshot', `${plural(h.checklist.snapshotRedactions ?? 0, 'secret')} written in the checklist redacted; snapshot sha256 ${code(h.checklist.snapshotSha256)}`]]
      : []),
    ['Started', utc(ctx.state.startedAt)],
    ...startedWith(ctx),
    ['Ended', ended(ctx)],
    ...howItEnded(ctx),
    ['T0', ctx.state.t0 ? utc(ctx.state.t0) : 'not marked'],
    ['Tool', `cutover ${text(h.toolVersion)}`],
    ['Session', code(h.sessionId)],
  ];
  if (ctx.evidenceFile) rows.push(['Evidence file', code(ctx.evidenceFile)]);
  rows.push(['Events', `${ctx.state.lastSeq} (head hash ${code(ctx.state.lastHash.slice(0, 16))}…)`]);
  return table(['Session', 'Value'], rows);
}

function variables(ctx: ReportContext): string[] {
  const entries = Object.entries(ctx.header.variables);
  if (entries.length === 0) return [];
  return ['Variables:', '', table(['Variable', 'Value'], entries.map(([k, v]) => [code(k), code(v)])), ''];
}

export function renderReport(input: ReportInput): string {
  const ctx = createContext(input);
  const drill = ctx.header.mode === 'drill';
  const title = `${drill ? 'DRILL — ' : ''}Cutover report: ${text(ctx.checklist.title)} — ${text(ctx.header.ticket)}`;
  const out = [`# ${title}`, '', ...statusLines(ctx), '', headerTable(ctx), '', ...variables(ctx)];
  out.push(
    ...renderRoles(ctx),
    ...renderGates(ctx),
    ...renderIncidents(ctx),
    ...renderRules(ctx),
    ...renderDecisions(ctx),
    ...renderSignoffs(ctx),
    ...renderChecks(ctx),
    ...renderDestructive(ctx),
    ...renderOverrides(ctx),
    ...renderRequirements(ctx),
    ...(drill ? renderDrillTimings(ctx, drillTimings(ctx.checklist, ctx.header, ctx.events)) : []),
    ...renderNotes(ctx),
    ...renderClock(ctx),
    ...renderTimeline(ctx),
    ...renderExports(ctx),
    '---',
    '',
    `Generated by cutover ${text(ctx.header.toolVersion)} from ${plural(ctx.state.lastSeq, 'evidence event')}. Check it with \`cutover verify\`.`,
    '',
  );
  // Blank lines between parts, never two in a row (fenced output keeps its own lines: it is one element).
  return out.filter((line, i) => line !== '' || out[i - 1] !== '').join('\n');
}
