// The report's drill part for a drill left open: its total is a total so far, not a time to compare.
import { describe, expect, it } from 'vitest';
import { compareDrills, drillTimings } from '../../src/domain/drill-timings.js';
import { renderReport } from '../../src/domain/report.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

const list = checklist();
const drillHeader = { ...header, mode: 'drill' as const };
const fin = (runId: string, offset: number) => ({ type: 'command.finished' as const, runId, exitCode: 0, signal: null, durationMs: 1, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result: 'pass' as const, reasons: [], offset });
const walk = (closed: boolean) => events([
  { type: 'session.started', pid: 1, offset: 0 },
  { type: 'command.started', runId: 'r1', section: 'smoke', item: 's1', pass: 1, command: 'x', cwd: '/', log: 'l', offset: 1_000 },
  fin('r1', 2_000),
  ...(closed ? [{ type: 'session.closed' as const, reason: 'done', offset: 60_000 }] : []),
]);

function reportOf(evs: ReturnType<typeof walk>, earlier = [drillTimings(list, drillHeader, walk(true))]): string {
  const state = foldEvents(drillHeader, evs);
  const comparison = compareDrills(drillTimings(list, drillHeader, evs), earlier);
  return renderReport({ header: drillHeader, state, checklist: list, events: evs, evaluation: evaluateRules(list, state), drill: { comparison, earlier: earlier.length } });
}

describe('the drill report of a drill left open', () => {
  it('gives its total as "so far", not as faster than finished drills', () => {
    const text = reportOf(walk(false));
    expect(text).toContain('**Result: unfinished** — total 2.0s so far;');
    expect(text).toMatch(/\| \*\*Total\*\* \| 2\.0s \| 1m00s \| 1m00s \| 1m00s \| so far: the drill is not finished \|/);
    expect(text).not.toMatch(/\*\*Total\*\*.*faster/);
  });

  it('a finished drill is compared as before', () => {
    const text = reportOf(walk(true));
    expect(text).toContain('**Result: passed** — total 1m00s;');
    expect(text).toMatch(/\| \*\*Total\*\* \| 1m00s \| 1m00s \| 1m00s \| 1m00s \| same as median \|/);
  });
});
