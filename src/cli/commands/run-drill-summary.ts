// The closing lines of a headless drill: did it pass, and how long it took against earlier drills
// of the checklist.
import { resolve } from 'node:path';
import type { Checklist } from '../../domain/checklist-schema.js';
import { drillFindings, drillResult, resultWord, type DrillResult } from '../../domain/drill-outcome.js';
import { describeDelta, type Comparison } from '../../domain/drill-timings.js';
import { formatDuration } from '../../domain/duration.js';
import { shellWord } from '../../domain/command-template.js';
import type { CutoverSession } from '../../services/session.js';
import { compareWithEarlierDrills } from '../../services/drill-history.js';

const timed = (label: string, ms: number | undefined, c: Comparison): string =>
  ms === undefined ? `${label} not walked` : `${label} ${formatDuration(ms)} (${describeDelta(c, formatDuration)})`;

export interface DrillSummary {
  result: DrillResult;
  findings: string[];
  /** The drill's total as its evidence measures it (first event to session.closed): the table's total line gives the same figure. */
  totalMs: number;
  /** For the table's end: times against earlier drills, the result, where the history is. */
  lines: string[];
}

export async function drillSummary(session: CutoverSession, checklist: Checklist): Promise<DrillSummary> {
  const { header, events } = session.store;
  const { current, comparison, earlier } = await compareWithEarlierDrills(session.evidenceDir, header, checklist, events);
  const has = (kind: string): boolean => checklist.sections.some((s) => s.kind === kind);
  const times = [
    timed('total', current.totalMs, comparison.total),
    ...(has('rollback') ? [timed('rollback', current.rollbackMs, comparison.rollback)] : []),
    ...(has('rollforward') ? [timed('roll-forward', current.rollforwardMs, comparison.rollforward)] : []),
  ];
  const against = earlier ? ` against ${earlier} earlier drill${earlier === 1 ? '' : 's'}` : '';
  const indent = '       ';
  const findings = drillFindings(current);
  const lines = [
    `drill: ${times.join(', ')}${against}`,
    `${indent}result: ${resultWord(current)}${findings.length ? ` — ${findings.join('; ')}` : ''}`,
    ...(comparison.walkedNote ? [`${indent}note: ${comparison.walkedNote}`] : []),
    `${indent}history: cutover drills ${shellWord(checklist.id)}${session.evidenceDir === resolve('evidence') ? '' : ` --evidence-dir ${shellWord(session.evidenceDir)}`}`,
  ];
  return { result: drillResult(current), findings, totalMs: current.totalMs, lines };
}
