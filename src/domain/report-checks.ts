// The checks part of the report: each section with an overview table, then each item that has
// something to show (runs, notes) in detail. Sections walked several times (smoke after a
// rollback) show every pass, earlier results kept.
import { formatDuration } from './duration.js';
import type { ChecklistItem, ChecklistSection } from './checklist-schema.js';
import { exitText, itemLabel, runOutput, runResult, type ReportContext } from './report-context.js';
import { code, fence, plural, table, text } from './report-markdown.js';
import { describeExpectation } from './expectation.js';
import { renderOutput } from './report-output.js';
import { itemKey, type ItemState, type RunState } from './session-state.js';
import { soakRunOutcome, soakTally } from './soak-tally.js';

const EARLIER_RUNS_SHOWN = 20;

/** What ran a command whose command.started has no `shell`: every cutover before errexit. */
const SHELL_BEFORE_ERREXIT = '/bin/sh -c';
/** What a shell's way of running means for a command of several lines (markdown). */
const SHELL_MEANING: Record<string, string> = {
  '/bin/sh -e -c': 'the first command that failed ended the run, with its exit code',
  [SHELL_BEFORE_ERREXIT]: 'a command of several lines, or `a; b`, failed only when its last command did',
};

interface ChecksContext extends ReportContext {
  /** The shell to name beside this run's command: set only when the session's runs did not all run alike. */
  shellToName(runId: string): string | undefined;
}

/** Each run's shell, from its command.started event. */
function shellsByRun(ctx: ReportContext): Map<string, string> {
  const shells = new Map<string, string>();
  for (const e of ctx.events) if (e.type === 'command.started') shells.set(e.runId, e.shell ?? SHELL_BEFORE_ERREXIT);
  return shells;
}

/** How the commands ran, once above the sections; a session resumed by a newer cutover can have both ways. */
function shellNote(shells: Map<string, string>): string[] {
  const runs = new Map<string, number>();
  for (const shell of shells.values()) runs.set(shell, (runs.get(shell) ?? 0) + 1);
  const ways = [...runs].map(([shell, count]) => {
    const meaning = SHELL_MEANING[shell];
    return `as ${code(`${shell} '…'`)}${runs.size > 1 ? ` (${plural(count, 'run')})` : ''}${meaning ? `: ${meaning}` : ''}`;
  });
  return ways.length ? [`Commands ran ${ways.join('; ')}.`, ''] : [];
}

const logName = (run: RunState): string => run.log.split('/').at(-1) ?? run.log;

function runsOf(ctx: ReportContext, it: ItemState | undefined): RunState[] {
  return (it?.runIds ?? []).map((id) => ctx.state.runs[id]).filter((r): r is RunState => !!r);
}

/** The result, and for a soak the runs of its latest soak (an earlier one in the pass was marked on its own). */
function resultCell(ctx: ReportContext, section: ChecklistSection, item: ChecklistItem, it: ItemState | undefined, runs: RunState[]): string {
  const label = itemLabel(ctx, section.id, item.id, it);
  const soak = runs.slice(it?.soakFrom ?? 0).filter((r) => r.purpose === 'watch');
  if (soak.length < 2) return label;
  return `${label} (soak: ${soakTally(soak.map(soakRunOutcome))})`;
}

function overview(ctx: ReportContext, section: ChecklistSection, pass: number): string {
  const rows = section.items.map((item) => {
    const it = ctx.state.history[`${itemKey(section.id, item.id)}#${pass}`];
    const runs = runsOf(ctx, it);
    const last = runs.at(-1);
    const at = it?.markedAt ?? last?.startedAt;
    return [
      item.id,
      item.title,
      resultCell(ctx, section, item, it, runs),
      last ? exitText(last) : '',
      last?.finished ? formatDuration(last.finished.durationMs) : '',
      at ? ctx.offset(at) : '',
    ];
  });
  return table(['Item', 'Title', 'Result', 'Exit', 'Duration', 'At'], rows);
}

function runFacts(ctx: ReportContext, run: RunState, itemLabel: string): string {
  const f = run.finished;
  const result = runResult(ctx, run);
  const facts = [`Run ${run.runId}${result === itemLabel ? '' : `: **${result}**`}`];
  if (f) facts.push(f.exitCode !== null ? `exit ${f.exitCode}` : `signal ${f.signal ?? '?'}`, formatDuration(f.durationMs));
  facts.push(`started ${ctx.offset(run.startedAt)} (${ctx.clock(run.startedAt)} UTC)`);
  if (f?.redactions) facts.push(plural(f.redactions, 'redaction'));
  return facts.join(' · ');
}

function commandLabel(ctx: ChecksContext, run: RunState): string {
  const shell = ctx.shellToName(run.runId);
  const how = [run.edited ? 'edited by the operator before running' : '', shell ? `ran as ${code(`${shell} '…'`)}` : ''].filter(Boolean);
  return how.length ? `Command (${how.join('; ')}):` : 'Command:';
}

function runDetail(ctx: ChecksContext, run: RunState, itemLabel: string): string[] {
  const out: string[] = [runFacts(ctx, run, itemLabel), ''];
  out.push(commandLabel(ctx, run), '', fence(run.command, 'sh'), '');
  const f = run.finished;
  if (f?.reasons.length) out.push('Why it failed:', '', ...f.reasons.map((r) => `- ${text(r)}`), '');
  if (run.interrupted) out.push(`**Interrupted:** ${text(run.interrupted.reason)}. The command may have gone on running after that; nothing after this point was recorded.`, '');
  if (!f && !run.interrupted) {
    out.push(ctx.openElsewhere ? `Still running in ${ctx.openElsewhere}.` : '**Interrupted:** the process recording this run stopped before it finished; below is the output that reached its log.', '');
  }
  const output = runOutput(ctx, run);
  out.push(output ? renderOutput(output, logName(run)) : '_No output recorded._', '');
  return out;
}

function earlierRuns(ctx: ReportContext, runs: RunState[]): string[] {
  if (runs.length === 0) return [];
  const failing = runs.filter((r) => r.finished?.result !== 'pass');
  if (runs.length > EARLIER_RUNS_SHOWN && failing.length === 0) return [`Earlier runs: ${runs.length}, all passed.`, ''];
  const shown = runs.length <= EARLIER_RUNS_SHOWN ? runs : failing.slice(0, EARLIER_RUNS_SHOWN);
  const rows = shown.map((r) => [r.runId, ctx.offset(r.startedAt), runResult(ctx, r), exitText(r), r.finished ? formatDuration(r.finished.durationMs) : '-']);
  const note = shown.length < runs.length ? ` (${runs.length} in all; ${shown.length === failing.length ? 'the failing ones' : `the first ${shown.length} failing ones`} shown)` : '';
  return [`Earlier runs${note}:`, '', table(['Run', 'At', 'Result', 'Exit', 'Duration'], rows), ''];
}

function itemDetail(ctx: ChecksContext, section: ChecklistSection, item: ChecklistItem, pass: number): string[] {
  const it = ctx.state.history[`${itemKey(section.id, item.id)}#${pass}`];
  const runs = runsOf(ctx, it);
  const injected = ctx.state.runOrder
    .map((id) => ctx.state.runs[id])
    .filter((r): r is RunState => r?.purpose === 'inject' && r.section === section.id && r.item === item.id && r.pass === pass);
  const passes = ctx.state.passes[section.id] ?? 1;
  // Free notes are not tied to a pass: they are shown with the current one.
  const notes = pass === passes ? ctx.state.notes.filter((n) => n.section === section.id && n.item === item.id) : [];
  if (runs.length === 0 && injected.length === 0 && !it?.note && notes.length === 0) return [];
  const out = [`#### ${text(item.id)} — ${text(item.title)}${passes > 1 ? ` (pass ${pass})` : ''}`, ''];
  const label = itemLabel(ctx, section.id, item.id, it);
  const facts = [`Result: **${label}**`];
  if (it?.markedAt) facts.push(`at ${ctx.offset(it.markedAt)}`);
  if (item.owner) {
    const role = ctx.checklist.roles.find((r) => r.id === item.owner);
    const who = ctx.state.roles[item.owner];
    facts.push(`owner: ${text(role?.title ?? item.owner)}${who && !who.tbd ? ` (${text(who.name)})` : ''}`);
  }
  if (item.run) facts.push(`expected: ${text([item.expect?.description, describeExpectation(item.expect)].filter(Boolean).join('; '))}`);
  out.push(facts.join(' · '), '');
  if (it?.note) out.push(`Note: ${text(it.note)}`, '');
  for (const run of injected) {
    out.push(`Fault injected (drill) at ${ctx.offset(run.startedAt)}: ${code(run.command)} → ${runResult(ctx, run)}, exit ${exitText(run)}`, '');
  }
  const last = runs.at(-1);
  if (last) out.push(...runDetail(ctx, last, label), ...earlierRuns(ctx, runs.slice(0, -1)));
  if (notes.length) out.push('Notes:', '', ...notes.map((n) => `- ${ctx.offset(n.at)} ${text(n.by)}: ${text(n.text)}`), '');
  return out;
}

function passBlock(ctx: ChecksContext, section: ChecklistSection, pass: number): string[] {
  return [overview(ctx, section, pass), '', ...section.items.flatMap((item) => itemDetail(ctx, section, item, pass))];
}

function passReasons(ctx: ReportContext, sectionId: string): Map<number, { reason: string; at: string }> {
  const reasons = new Map<number, { reason: string; at: string }>();
  for (const e of ctx.events) if (e.type === 'pass.started' && e.section === sectionId) reasons.set(e.pass, { reason: e.reason, at: e.ts });
  return reasons;
}

export function renderChecks(report: ReportContext): string[] {
  const shells = shellsByRun(report);
  const mixed = new Set(shells.values()).size > 1;
  const ctx: ChecksContext = { ...report, shellToName: (runId) => (mixed ? shells.get(runId) : undefined) };
  const out = ['## Checks', '', ...shellNote(shells)];
  ctx.checklist.sections.forEach((section, index) => {
    out.push(`### ${index + 1}. ${text(section.title)} (${section.kind})`, '');
    if (section.description) out.push(text(section.description), '');
    const passes = ctx.state.passes[section.id] ?? 1;
    if (passes === 1) {
      out.push(...passBlock(ctx, section, 1));
      return;
    }
    const reasons = passReasons(ctx, section.id);
    for (let pass = 1; pass <= passes; pass++) {
      const started = reasons.get(pass);
      const why = started ? ` — started ${ctx.offset(started.at)}: ${text(started.reason)}` : '';
      out.push(`**Pass ${pass} of ${passes}**${pass < passes ? ' (earlier result, kept)' : ''}${why}`, '', ...passBlock(ctx, section, pass));
    }
  });
  return out;
}
