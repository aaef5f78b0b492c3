// `cutover drills <checklist>`: the history of timed drills of a checklist, one row per drill, what
// went wrong in each, and which steps of the latest drill got slower or faster than the median.
import { basename } from 'node:path';
import { shellWord } from '../../domain/command-template.js';
import { bestDrill } from '../../domain/drill-best.js';
import { drillChanges } from '../../domain/drill-changes.js';
import { drillFindings, drillResult, resultWord } from '../../domain/drill-outcome.js';
import type { DrillTimings } from '../../domain/drill-timings.js';
import { walkedStepsNote } from '../../domain/drill-walked.js';
import { formatDuration } from '../../domain/duration.js';
import { CutoverError, EXIT } from '../../domain/errors.js';
import { displayPathOf, findChecklists, loadChecklist, resolveChecklistRef } from '../../services/checklist-loader.js';
import { readDrillHistory, type DrillHistory } from '../../services/drill-history.js';
import { formatTable } from '../format-table.js';
import { sessionListingProblems } from './list.js';

const LOOKS_LIKE_PATH = /[\\/]|\.(ya?ml|json)$/i;
const walked = (ms: number | undefined): string => (ms === undefined ? '-' : formatDuration(ms));

/** The checklist id named by `ref`: a path to a checklist file, or an id known here. */
async function checklistIdOf(ref: string, history: DrillHistory): Promise<string | undefined> {
  if (history.sessions > 0) return ref;
  if (LOOKS_LIKE_PATH.test(ref)) return (await loadChecklist(ref)).checklist.id;
  const listed = await findChecklists();
  return listed.some((c) => !c.error && c.id === ref) ? ref : undefined;
}

const started = (d: DrillTimings): string => d.startedAt.replace('T', ' ').slice(0, 16);

function historyRows(drills: DrillHistory['drills']): Array<Record<string, string>> {
  const best = bestDrill(drills);
  return drills.map((d) => ({
    STARTED: started(d),
    TICKET: d.ticket,
    OPERATOR: d.operator,
    VERSION: d.checklistVersion,
    RESULT: resultWord(d),
    TOTAL: `${formatDuration(d.totalMs)}${!d.finished ? ' so far' : d === best ? ' (best)' : ''}`,
    ROLLBACK: walked(d.rollbackMs),
    'ROLL-FORWARD': walked(d.rollforwardMs),
    EVIDENCE: basename(d.evidence),
  }));
}

/** One line per drill with something to say: "  D-2 (2026-11-22 15:04): failed: smoke/health; …". */
function findingLines(drills: DrillHistory['drills']): string[] {
  return drills.flatMap((d) => {
    const findings = drillFindings(d);
    return findings.length ? [`  ${d.ticket} (${started(d)}): ${findings.join('; ')}`] : [];
  });
}

function latestChanges({ drills, latestChecklist }: DrillHistory): string[] {
  const latest = drills.at(-1);
  const earlier = drills.slice(0, -1);
  if (!latest || earlier.length === 0) return [];
  const changes = drillChanges(latestChecklist, latest, earlier);
  const before = earlier.length === 1 ? 'the drill before it' : `the median of the ${earlier.length} drills before it`;
  const title = `Latest drill (${latest.ticket}, ${started(latest)}${latest.finished ? '' : ', not finished'}) against ${before}:`;
  const otherVersions = [...new Set(earlier.map((d) => d.checklistVersion).filter((v) => v !== latest.checklistVersion))];
  const versionNote = otherVersions.length
    ? [`note: it used checklist version ${latest.checklistVersion}; ${earlier.filter((d) => d.checklistVersion !== latest.checklistVersion).length} of the drills before it used version ${otherVersions.join(', ')}`]
    : [];
  const walkedNote = walkedStepsNote(latest, earlier);
  const notes = [...versionNote, ...(walkedNote ? [`note: ${walkedNote}`] : [])];
  if (changes.length === 0) return [title, ...notes, '  every measure within 5% (or 100ms) of its median'];
  const rows = changes.map((c) => ({
    MEASURE: c.what,
    LATEST: formatDuration(c.latestMs),
    MEDIAN: formatDuration(c.medianMs),
    CHANGE: `${formatDuration(Math.abs(c.deltaMs))} ${c.deltaMs < 0 ? 'faster' : 'slower'}`,
  }));
  return [
    title,
    ...notes,
    '',
    formatTable(rows, ['MEASURE', 'LATEST', 'MEDIAN', 'CHANGE']),
    '',
    ...(latest.passes ? ['a section or step walked in several passes is compared only with drills that walked it as many times'] : []),
    `every step: cutover report ${shellWord(displayPathOf(latest.evidence))}`,
  ];
}

export async function drillsCommand(ref: string, opts: Record<string, unknown>): Promise<void> {
  const evidenceDir = String(opts.evidenceDir);
  let history = await readDrillHistory(evidenceDir, ref);
  const checklistId = await checklistIdOf(ref, history);
  if (checklistId === undefined) {
    throw new CutoverError(`no checklist "${ref}": it is not a listed checklist id and no session in ${displayPathOf(evidenceDir)} uses it`, EXIT.usage, 'run `cutover list` to see the checklist ids, or give a checklist file');
  }
  if (checklistId !== ref) history = await readDrillHistory(evidenceDir, checklistId);
  for (const problem of await sessionListingProblems(evidenceDir)) process.stderr.write(`cutover: ${problem.replace(/no sessions listed$/, 'no drills listed')}\n`);
  for (const problem of history.leftOut) process.stderr.write(`cutover: drill left out: ${problem}\n`);
  const { drills } = history;
  if (opts.json) {
    const withResults = drills.map((d) => ({ ...d, result: drillResult(d), findings: drillFindings(d) }));
    process.stdout.write(`${JSON.stringify({ checklist: checklistId, evidenceDir, drills: withResults, leftOut: history.leftOut }, null, 2)}\n`);
    return;
  }
  if (drills.length === 0) {
    // An id known here only from the evidence of its sessions does not open: name the file instead.
    const openable = await resolveChecklistRef(ref).then(() => true, () => false);
    const using = openable ? shellWord(ref) : '<checklist file>';
    const known = openable ? '' : ` (${checklistId} is known here only from its sessions' evidence: \`cutover list\` shows the checklists that open)`;
    process.stdout.write(`No drills of ${checklistId} in ${displayPathOf(evidenceDir)} yet: rehearse one with \`cutover open ${using} --drill\` or \`cutover run ${using} --headless --drill\`${known}.\n`);
    return;
  }
  const out = [`Drills of ${checklistId} (${drills.length}, oldest first) in ${displayPathOf(evidenceDir)}; times are UTC`, ''];
  out.push(formatTable(historyRows(drills), ['STARTED', 'TICKET', 'OPERATOR', 'VERSION', 'RESULT', 'TOTAL', 'ROLLBACK', 'ROLL-FORWARD', 'EVIDENCE']));
  out.push(bestDrill(drills) ? '(best): the fastest drill that passed' : 'no drill passed yet: none is marked best (a drill that FAILED or is unfinished is no time to beat)');
  const findings = findingLines(drills);
  if (findings.length) out.push('', 'Findings:', ...findings);
  const changes = latestChanges(history);
  if (changes.length) out.push('', ...changes);
  process.stdout.write(`${out.join('\n')}\n`);
}
