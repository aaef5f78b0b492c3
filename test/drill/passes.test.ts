// A check walked twice (smoke again after the rollback) sums its passes: it is compared only with
// drills that walked it as many times, not called slower than drills that walked it once.
import { describe, expect, it } from 'vitest';
import { drillChanges } from '../../src/domain/drill-changes.js';
import { compareDrills, describeDelta, drillTimings } from '../../src/domain/drill-timings.js';
import { formatDuration } from '../../src/domain/duration.js';
import { summaryRows } from '../../src/ui/screens/drill/drill-rows.js';
import { checklist, events, header } from '../domain/fixtures.js';

const list = checklist();
const fin = (runId: string, offset: number) => ({ type: 'command.finished' as const, runId, exitCode: 0, signal: null, durationMs: 1, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result: 'pass' as const, reasons: [], offset });

/** s1 run for `seconds` in pass 1, and again in pass 2 when `again`. */
function drill(seconds: number, again: boolean) {
  return drillTimings(list, header, events([
    { type: 'session.started', pid: 1, offset: 0 },
    { type: 'command.started', runId: 'r1', section: 'smoke', item: 's1', pass: 1, command: 'x', cwd: '/', log: 'l', offset: 1_000 },
    fin('r1', 1_000 + seconds * 1000),
    ...(again
      ? [
          { type: 'pass.started' as const, section: 'smoke', pass: 2, reason: 'after rollback', offset: 20_000 },
          { type: 'command.started' as const, runId: 'r2', section: 'smoke', item: 's1', pass: 2, command: 'x', cwd: '/', log: 'l', offset: 21_000 },
          fin('r2', 21_000 + seconds * 1000),
        ]
      : []),
    { type: 'session.closed', reason: 'done', offset: 40_000 },
  ]));
}

describe('a step walked in two passes', () => {
  const twice = drill(2, true);

  it('is not compared with drills that walked it once', () => {
    expect(twice.items.s1).toBe(4_000);
    const s1 = compareDrills(twice, [drill(2, false), drill(2, false)]).items.find((c) => c.key === 's1');
    expect(s1).toMatchObject({ currentMs: 4_000, passes: 2 });
    expect(s1?.medianMs).toBeUndefined();
    expect(describeDelta(s1 as NonNullable<typeof s1>, formatDuration)).toBe('first drill with 2 passes');
    expect(drillChanges(list, twice, [drill(2, false)]).map((c) => c.what)).not.toContain('smoke/s1 (2 passes)');
  });

  it('is compared with drills that walked it twice, and says so', () => {
    const rows = summaryRows(list, twice, [drill(2, false), drill(3, true)]);
    expect(rows.find((r) => r.step === '  s1 (2 passes)')).toMatchObject({ now: '4.0s', median: '6.0s', vs: '2.0s faster' });
    expect(rows.find((r) => r.step === 'Smoke (2 passes)')).toMatchObject({ now: '4.0s', median: '6.0s' });
  });

  it('a step walked once is compared with drills that walked it once', () => {
    const s1 = compareDrills(drill(2, false), [drill(3, true), drill(3, false)]).items.find((c) => c.key === 's1');
    expect(s1).toMatchObject({ currentMs: 2_000, medianMs: 3_000 });
    expect(s1?.passes).toBeUndefined();
  });
});
