// The selected item's detail as lines of text: what it is, who owns it, where it is on the cutover
// clock, the command that would run, what passes, its soak history, and the last result with its
// output excerpt.
import type { ChecklistItem, ChecklistSection } from '../../../domain/checklist-schema.js';
import { formatDuration } from '../../../domain/duration.js';
import { itemState } from '../../../domain/progress.js';
import type { SessionState } from '../../../domain/session-state.js';
import type { TimelineEntry } from '../../../domain/timeline.js';
import type { CutoverSession } from '../../../services/session.js';
import { clockTime, displayLine, fitRows, formatBytes, wrapExact, wrapText } from '../../format.js';
import { shownCommand } from '../../render-command.js';
import { soakLine, soakResults } from '../../run/soak-marks.js';
import { STATUS_MARK, type ColorName } from '../../theme.js';
import { timelineStyle } from '../../timeline/timeline-style.js';
import { destructiveLines, refusedLine } from './destructive-lines.js';

export interface DetailLine {
  text: string;
  tone?: ColorName;
  bold?: boolean;
  dim?: boolean;
}

function expectation(item: ChecklistItem): string | undefined {
  const e = item.expect;
  if (!e) return item.run ? 'expect: exit code 0' : undefined;
  const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const parts = [
    e.exitCode !== undefined ? `exit ${Array.isArray(e.exitCode) ? e.exitCode.join('|') : e.exitCode}` : undefined,
    ...list(e.contains).map((c) => `contains "${c}"`),
    ...list(e.notContains).map((c) => `not "${c}"`),
    e.matches ? `matches /${e.matches}/` : undefined,
    e.description,
  ].filter(Boolean);
  return `expect: ${parts.join(' · ')}`;
}

/** Free notes (n) on the item, newest last: recorded, so they must be seen where they were written. */
function noteLines(state: SessionState, section: ChecklistSection, item: ChecklistItem, width: number): DetailLine[] {
  const notes = state.notes.filter((n) => n.section === section.id && n.item === item.id);
  const shown = notes.slice(-2).flatMap((n) => fitRows(wrapText(`note ${clockTime(n.at)} ${n.by}: ${n.text}`, width), 2).map((text) => ({ text })));
  return notes.length > 2 ? [{ text: `${notes.length - 2} earlier note${notes.length === 3 ? '' : 's'} in the report`, dim: true }, ...shown] : shown;
}

function resultLines(session: CutoverSession, state: SessionState, section: ChecklistSection, item: ChecklistItem, width: number): DetailLine[] {
  const current = itemState(state, section.id, item.id);
  const notes = noteLines(state, section, item, width);
  if (!current || current.status === 'pending') return [refusedLine(state, section, item) ?? { text: 'not run yet', dim: true }, ...notes];
  const mark = STATUS_MARK[current.status];
  const lines: DetailLine[] = [];
  const run = current.lastRunId ? state.runs[current.lastRunId] : undefined;
  const fin = run?.finished;
  if (fin) {
    const how = fin.cancelled ? 'cancelled' : fin.timedOut ? 'timed out' : fin.signal ? `signal ${fin.signal}` : `exit ${fin.exitCode}`;
    const edited = run.edited ? ' · edited command' : '';
    lines.push({ text: `last: ${mark.mark} ${mark.word} · ${how} · ${formatDuration(fin.durationMs)} · ${formatBytes(fin.logBytes)} · ${clockTime(run.startedAt)}${edited}`, tone: mark.color, bold: true });
    for (const reason of fin.reasons) lines.push({ text: `  ${reason}`, tone: 'red' });
    if (current.markedAt && current.status !== fin.result) lines.push({ text: `marked ${mark.word} at ${clockTime(current.markedAt)}`, tone: mark.color });
  } else if (run?.interrupted) {
    // Whole, not cut: the command's processes outlived the cutover that started them.
    lines.push(
      ...wrapText(`last: ! interrupted at ${clockTime(run.startedAt)}: ${run.interrupted.reason}`, width, 2).map((text) => ({ text, tone: 'magenta' as const, bold: true })),
      ...wrapText('its processes may still run: check first', width, 2).map((text) => ({ text, tone: 'magenta' as const })),
    );
    // What the item had before this run was cut short still stands (a failed gate still holds).
    const before = current.result ? STATUS_MARK[current.result.status] : undefined;
    if (before && current.result) lines.push({ text: `result before it: ${before.mark} ${before.word} at ${clockTime(current.result.at)}`, tone: before.color });
  } else {
    lines.push({ text: `${mark.mark} ${mark.word}${current.markedAt ? ` at ${clockTime(current.markedAt)}` : ''}`, tone: mark.color, bold: true });
  }
  if (current.note) lines.push({ text: `note: ${current.note}` });
  lines.push(...notes);
  const excerpt = fin?.excerpt ?? run?.interrupted?.excerpt;
  const output = excerpt ? `${excerpt.head}${excerpt.truncated ? '\n…\n' : ''}${excerpt.tail}` : '';
  const outLines = output.split('\n').map(displayLine).filter((l) => l.trim());
  if (outLines.length) lines.push({ text: 'output (l: full log):', dim: true }, ...outLines.slice(-6).map((text) => ({ text: `  ${text}`, dim: true })));
  return lines;
}

function clockLine(entry: TimelineEntry): DetailLine {
  const style = timelineStyle(entry);
  return { text: `clock: ${entry.at} · ${style.text}`, tone: style.tone, bold: style.bold, dim: style.dim };
}

function soakHistory(state: SessionState, section: ChecklistSection, item: ChecklistItem, width: number): DetailLine[] {
  const results = item.watch ? soakResults(state, section.id, item.id) : [];
  if (!results.length) return [];
  const failed = results.some((r) => r === 'fail' || r === 'cancelled' || r === 'interrupted');
  return [{ text: soakLine(results, width), tone: failed ? 'red' : 'green', bold: failed }];
}

/** The command as it will run, every character of it, wrapped to `width`. */
function commandLines(session: CutoverSession, section: ChecklistSection, item: ChecklistItem, width: number): DetailLine[] {
  const { command, problem } = item.run ? shownCommand(session, section.id, item.id) : {};
  if (command) return wrapExact(`$ ${command}`, width).map((text) => ({ text, tone: 'cyan' }));
  if (problem) return [{ text: `$ ${item.run}`, tone: 'cyan' }, { text: `cannot run: ${problem}`, tone: 'red' }];
  if (section.kind === 'signoff') return [{ text: `sign-off: Enter ${item.owner ? 'signs off as its owner' : 'opens the sign-offs'} (S: any role)`, dim: true }];
  return [{ text: 'manual item: mark it p / f / s (e runs a command of your own)', dim: true }];
}

/** Cuts the command to what `height` leaves room for (never below 3 lines), saying how much is hidden. */
function fitCommand(before: DetailLine[], command: DetailLine[], after: DetailLine[], height: number): DetailLine[] {
  const room = Math.max(3, height - before.length - after.length);
  if (command.length <= room) return [...before, ...command, ...after];
  const hidden = command.length - (room - 1);
  return [...before, ...command.slice(0, room - 1), { text: `  … ${hidden} more line${hidden === 1 ? '' : 's'} of the command`, tone: 'cyan', dim: true }, ...after];
}

export function detailLines(
  session: CutoverSession,
  state: SessionState,
  section: ChecklistSection,
  item: ChecklistItem,
  width: number,
  timeline?: TimelineEntry,
  height = Infinity,
): DetailLine[] {
  const lines: DetailLine[] = [];
  lines.push(...fitRows(wrapExact(`${item.title}  (${item.id})`, width), 2).map((text) => ({ text, bold: true })));
  const owner = item.owner ? session.checklist.roles.find((r) => r.id === item.owner) : undefined;
  const holder = item.owner ? state.roles[item.owner] : undefined;
  const facts = [
    owner ? `owner: ${owner.title}${holder ? ` (${holder.tbd ? 'TBD' : holder.name})` : ''}` : undefined,
    item.at && !timeline ? `at ${item.at}` : undefined,
    item.timeout ? `timeout ${item.timeout}` : undefined,
    item.watch ? `soak: every ${item.watch.every} for ${item.watch.for}` : undefined,
    item.evidence ? 'evidence required' : undefined,
    item.onFail ? `on fail: ${item.onFail}` : undefined,
  ].filter(Boolean);
  if (facts.length) lines.push({ text: facts.join(' · '), dim: true });
  if (timeline) lines.push(clockLine(timeline));
  if (item.destructive) lines.push(...destructiveLines(session, width));
  const after: DetailLine[] = [];
  const expect = expectation(item);
  if (expect) after.push({ text: expect, dim: true });
  if (item.drill?.inject && session.mode === 'drill') after.push({ text: `drill fault (I): ${item.drill.description ?? item.drill.inject}`, tone: 'yellow' });
  after.push(...soakHistory(state, section, item, width));
  after.push(...resultLines(session, state, section, item, width));
  const command = commandLines(session, section, item, width);
  // The description gives way (to one line) before the last result is pushed off the pane.
  const descriptionRows = Math.max(1, Math.min(3, height - lines.length - after.length - Math.min(3, command.length)));
  if (item.description) lines.push(...wrapText(item.description, width, descriptionRows).map((text) => ({ text })));
  return fitCommand(lines, command, after, height);
}

/** Roll-forward sections: what still blocks them. */
export function lockLines(session: CutoverSession, section: ChecklistSection): DetailLine[] {
  if (section.kind !== 'rollforward' || !section.requires) return [];
  const unmet = session.unmetRequirements(section.id);
  const open = new Set(session.unconfirmedRequirements(section.id));
  const confirm = section.requires.text.map((t): DetailLine => (open.has(t) ? { text: `  ☐ ${t}`, tone: 'yellow' } : { text: `  ☑ ${t}`, dim: true }));
  if (!unmet.length && !open.size) return [{ text: 'roll-forward unlocked', tone: 'green' }, ...confirm];
  const head = unmet.length ? 'LOCKED — unmet requirements (O: override with a reason):' : 'LOCKED — to confirm (O or running an item asks):';
  return [{ text: head, tone: 'yellow', bold: true }, ...unmet.map((u) => ({ text: `  ✗ ${u}`, tone: 'yellow' as const })), ...confirm];
}
