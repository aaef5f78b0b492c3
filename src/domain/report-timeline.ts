// The timeline: every recorded event that means something to a reader, with its T+ offset.
// Soak re-runs of one item in a row are folded into a single line.
import { formatDuration } from './duration.js';
import type { EvidenceEvent } from './events.js';
import { RECOMMENDATION_LABEL } from './severity-rules.js';
import { runResult, type ReportContext } from './report-context.js';
import { code, plural, table, text } from './report-markdown.js';
import { previousEnding } from './session-ending.js';
import { soakRunOutcome, soakTally, type SoakRunOutcome } from './soak-tally.js';

interface Row {
  ts: string;
  by: string;
  what: string;
  /** Rows with the same fold key next to each other are one line (soak re-runs of an item). */
  fold?: string;
  soakRun?: SoakRunOutcome;
}

function describe(ctx: ReportContext, e: EvidenceEvent): Omit<Row, 'ts' | 'by'> | undefined {
  const where = (section: string, item?: string): string => text(item ? `${section}/${item}` : ctx.sectionTitle(section));
  switch (e.type) {
    case 'session.started':
      return { what: `Session started on ${ctx.header.host} (pid ${e.pid})` };
    case 'session.resumed': {
      const before = previousEnding(ctx.events, e.seq);
      const vanished = before?.how === 'vanished' ? ` — the process before it stopped without a word after ${before.lastEventAt.slice(11, 19)} UTC (a crash, kill -9, power cut or lost host)` : '';
      return { what: `Session resumed (pid ${e.pid})${vanished}` };
    }
    case 'session.left':
      return { what: `Session left open — ${text(e.reason)}` };
    case 'role.assigned':
      return { what: e.tbd ? `Role ${e.role}: acknowledged as TBD` : `Role ${e.role}: ${text(e.name)}${e.contact ? ` (${text(e.contact)})` : ''}` };
    case 't0.marked':
      return { what: `**T0 marked**${e.note ? ` — ${text(e.note)}` : ''}` };
    case 'pass.started':
      return { what: `${text(ctx.sectionTitle(e.section))}: pass ${e.pass} started — ${text(e.reason)}` };
    case 'command.started': {
      const run = ctx.state.runs[e.runId];
      if (!run || run.finished || run.interrupted) return undefined; // the result line says it all
      return { what: `${where(e.section, e.item)}: ${code(e.command)} started, never finished → **${runResult(ctx, run)}**` };
    }
    case 'command.finished': {
      const run = ctx.state.runs[e.runId];
      if (!run) return undefined;
      const exit = e.exitCode !== null ? `exit ${e.exitCode}` : `signal ${e.signal ?? '?'}`;
      const result = runResult(ctx, run);
      const label = run.purpose === 'inject' ? 'fault injected' : run.purpose === 'watch' ? 'soak run' : 'ran';
      const what = `${where(run.section, run.item)} ${label}: **${result}** (${exit}, ${formatDuration(e.durationMs)})`;
      return run.purpose === 'watch' ? { what, fold: `${run.section}/${run.item}`, soakRun: soakRunOutcome({ finished: e }) } : { what };
    }
    case 'command.interrupted': {
      const run = ctx.state.runs[e.runId];
      return { what: `${run ? where(run.section, run.item) : e.runId}: run ${e.runId} **INTERRUPTED** — ${text(e.reason)}` };
    }
    case 'item.marked':
      return { what: `${where(e.section, e.item)} marked **${e.status.toUpperCase()}**${e.note ? ` — ${text(e.note)}` : ''}` };
    case 'note.added':
      return { what: `Note${e.section ? ` on ${where(e.section, e.item)}` : ''}: ${text(e.text)}` };
    case 'incident.declared':
      return { what: `**Incident ${e.incidentId} declared (${e.severity})**: ${text(e.title)}` };
    case 'incident.resolved':
      return { what: `Incident ${e.incidentId} resolved${e.note ? ` — ${text(e.note)}` : ''}` };
    case 'rule.fired':
      return { what: `**Rule fired** (${e.rule}): ${text(e.text)} → ${RECOMMENDATION_LABEL[e.recommend as keyof typeof RECOMMENDATION_LABEL] ?? e.recommend} (${text(e.reason)})` };
    case 'rule.cleared':
      return { what: `Rule cleared (${e.rule}): ${text(e.reason)}` };
    case 'decision.taken':
      return { what: `**Decision: ${e.decision.toUpperCase()}** — ${text(e.reason)}` };
    case 'signoff.recorded':
      return { what: `Sign-off: ${e.role} by ${text(e.name)}${e.item ? ` (${e.item})` : ''}${e.note ? ` — ${text(e.note)}` : ''}` };
    case 'destructive.confirmed':
      return { what: `Destructive ${where(e.section, e.item)} confirmed (typed ${code(e.typed)})` };
    case 'destructive.refused':
      return { what: `Destructive ${where(e.section, e.item)} **refused** — ${text(e.reason)}` };
    case 'override.recorded':
      return { what: `**Override**: ${text(ctx.sectionTitle(e.section))} unlocked — ${text(e.reason)}` };
    case 'requirements.confirmed':
      return { what: `${text(ctx.sectionTitle(e.section))}: requirements confirmed${e.unattended ? ' by the unattended run (--confirm-requirements)' : ''} — ${text(e.texts.join('; '))}` };
    case 'exported':
      return { what: `Exported (${e.format}) to ${code(e.path)}` };
    case 'session.closed':
      return { what: `Session closed${e.reason ? ` — ${text(e.reason)}` : ''}` };
    case 'cursor.moved':
      return undefined;
  }
}

function fold(rows: Row[]): Row[] {
  const out: Row[] = [];
  let i = 0;
  while (i < rows.length) {
    const row = rows[i] as Row;
    let j = i + 1;
    while (row.fold && rows[j]?.fold === row.fold) j++;
    if (j - i < 3) {
      out.push(...rows.slice(i, j));
    } else {
      const group = rows.slice(i, j);
      const tally = soakTally(group.map((r) => r.soakRun ?? 'fail'));
      out.push({ ...row, what: `${text(row.fold ?? '')} soak: ${tally} (until ${(group.at(-1) as Row).ts.slice(11, 19)} UTC)` });
    }
    i = j;
  }
  return out;
}

export function renderTimeline(ctx: ReportContext): string[] {
  const rows: Row[] = [];
  for (const e of ctx.events) {
    const row = describe(ctx, e);
    if (row) rows.push({ ...row, ts: e.ts, by: e.by });
  }
  const from = ctx.state.t0 ? 'T+ from T0; T- before it' : 'T0 was never marked: offsets are from the session start';
  return [
    '## Timeline',
    '',
    // T-00:59 is 59 seconds, not 59 minutes: a change ticket is read by people used to HH:MM.
    `Times are UTC; ${from}, in minutes:seconds (hours:minutes:seconds past an hour).`,
    '',
    table(['T+', 'Time', 'Who', 'Event'], fold(rows).map((r) => [ctx.offset(r.ts), ctx.clock(r.ts), r.by, r.what])),
    '',
  ];
}
