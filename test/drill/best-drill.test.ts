// "Best" is one thing everywhere: the fastest drill that PASSED. `cutover drills` marks it, `D` and
// the report show it in their best column; a faster drill that FAILED (or was left unfinished) is no
// time to beat, and when no drill passed, the best column says so instead of naming a failed one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import { bestDrill } from '../../src/domain/drill-best.js';
import type { DrillTimings } from '../../src/domain/drill-timings.js';
import { formatDuration } from '../../src/domain/duration.js';
import { summaryRows } from '../../src/ui/screens/drill/drill-rows.js';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

// `pause` makes a drill slow, `code` 1 makes it fail: the failed drill is the fastest one
const CHECKLIST = `id: best-of
title: Best of
version: "1"
variables:
  - { name: pause, description: seconds the slow check takes }
  - { name: code, description: exit code of the last check }
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - { id: slow, title: Slow check, run: "sleep {{pause}}; echo ok" }
      - { id: last, title: Last check, run: "exit {{code}}" }
`;

const file = join(scratch(), 'best-of.yaml');
writeFileSync(file, CHECKLIST);

function drill(dir: string, ticket: string, pause: string, code: string): string {
  const run = runCli(['run', file, '--headless', '--drill', '--ticket', ticket, '--var', `pause=${pause}`, '--var', `code=${code}`, '--evidence-dir', dir]);
  expect(run.code).toBe(code === '0' ? 0 : 1);
  return /^evidence: (\S+)$/m.exec(run.stdout)?.[1] as string;
}

const history = (dir: string): Array<DrillTimings & { ticket: string }> => (JSON.parse(runCli(['drills', 'best-of', '--evidence-dir', dir, '--json']).stdout) as { drills: Array<DrillTimings & { ticket: string }> }).drills;

/** The cells of the report's **Total** row: took, last, best, median, against. */
const reportTotalRow = (evidence: string): string[] => {
  const line = runCli(['report', evidence]).stdout.split('\n').find((l) => l.startsWith('| **Total** |')) ?? '';
  return line.split('|').slice(2, -1).map((cell) => cell.trim());
};

describe('the best drill', () => {
  it('is the fastest drill that passed in `cutover drills`, D and the report alike, not a faster drill that FAILED', () => {
    const dir = scratch();
    drill(dir, 'P-1', '1.2', '0');
    drill(dir, 'F-1', '0', '1');
    const latest = drill(dir, 'P-2', '1.2', '0');
    const [p1, f1, p2] = history(dir) as [DrillTimings, DrillTimings, DrillTimings];
    expect(f1.totalMs).toBeLessThan(p1.totalMs); // the failed drill is the fastest (by a second: load cannot swap them)

    // the report of P-2: its best earlier drill is P-1, the only one that passed
    const [, last, best] = reportTotalRow(latest);
    expect(last).toBe(formatDuration(f1.totalMs));
    expect(best).toBe(formatDuration(p1.totalMs));
    expect(runCli(['report', latest]).stdout).toContain('Best is the fastest of them that passed.');

    // D: the same best as the report
    const parsed = parseChecklistText(CHECKLIST, 'best-of.yaml');
    if (!parsed.ok) throw new Error('fixture checklist invalid');
    const total = summaryRows(parsed.checklist, p2, [p1, f1]).find((r) => r.step === 'total');
    expect(total?.best).toBe(formatDuration(p1.totalMs));

    // cutover drills: one drill marked, a passed one
    const out = runCli(['drills', 'best-of', '--evidence-dir', dir]).stdout;
    const bestTicket = p1.totalMs <= p2.totalMs ? 'P-1' : 'P-2';
    expect(out.match(/\d\S* \(best\)/g)).toHaveLength(1);
    expect(out).toMatch(new RegExp(`${bestTicket}\\s+\\S+\\s+1\\s+passed\\s+\\S+ \\(best\\)`));
    expect(out).toContain('(best): the fastest drill that passed');
  });

  it('when no drill passed, none is called best: the best column says "none passed"', () => {
    const dir = scratch();
    drill(dir, 'F-1', '0', '1');
    const latest = drill(dir, 'F-2', '0', '1');
    expect(reportTotalRow(latest)[2]).toBe('none passed');
    const out = runCli(['drills', 'best-of', '--evidence-dir', dir]).stdout;
    expect(out).not.toContain('(best)');
    expect(out).toContain('no drill passed yet: none is marked best');
    const [f1, f2] = history(dir) as [DrillTimings, DrillTimings];
    const parsed = parseChecklistText(CHECKLIST, 'best-of.yaml');
    if (!parsed.ok) throw new Error('fixture checklist invalid');
    expect(summaryRows(parsed.checklist, f2, [f1]).find((r) => r.step === 'total')?.best).toBe('none passed');
  });

  it('an unfinished or FAILED drill is never the best, however fast', () => {
    const base = { startedAt: '2026-11-22T10:00:00.000Z', ticket: 'T', operator: 'op', checklistVersion: '1', pausedMs: 0, failures: 0, failedSteps: [], passedWhenRerun: [], failedUnderFault: [], refusedSteps: [], injectedFaults: [], injectionsFailed: [], sections: {}, items: {} };
    const passedSlow: DrillTimings = { ...base, sessionId: 'slow', finished: true, totalMs: 90_000 };
    const unfinishedFast: DrillTimings = { ...base, sessionId: 'cut-short', finished: false, totalMs: 10_000 };
    const failedFast: DrillTimings = { ...base, sessionId: 'failed', finished: true, totalMs: 20_000, failures: 1, failedSteps: ['smoke/s1'] };
    expect(bestDrill([unfinishedFast, failedFast, passedSlow])?.sessionId).toBe('slow');
    expect(bestDrill([unfinishedFast, failedFast])).toBeUndefined();
  });
});
