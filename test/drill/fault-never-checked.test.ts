// A fault injected whose step was never run afterwards was not "not caught": nothing looked for it.
// The finding says so (and, while the drill is walked, that the check is still to run).
import { describe, expect, it } from 'vitest';
import { drillFindings, drillResult } from '../../src/domain/drill-outcome.js';
import { drillTimings } from '../../src/domain/drill-timings.js';
import { checklist, events, header } from '../domain/fixtures.js';

const list = checklist();
const started = (runId: string, offset: number, purpose?: 'inject') => ({ type: 'command.started' as const, runId, section: 'smoke', item: 's1', pass: 1, command: 'x', cwd: '/', log: 'l', ...(purpose ? { purpose } : {}), offset });
const finished = (runId: string, offset: number, result: 'pass' | 'fail' = 'pass') => ({ type: 'command.finished' as const, runId, exitCode: result === 'pass' ? 0 : 1, signal: null, durationMs: 1, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: 'x', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result, reasons: [], offset });
const closed = { type: 'session.closed' as const, reason: 'done', offset: 9_000 };

describe('an injected fault whose check never ran', () => {
  const neverChecked = drillTimings(list, header, events([started('i1', 0, 'inject'), finished('i1', 100), closed]));

  it('is FAILED with a finding that says the check never ran, not that it missed the fault', () => {
    expect(drillResult(neverChecked)).toBe('failed');
    expect(drillFindings(neverChecked)).toEqual(['injected fault never checked (its step was not run after the injection): smoke/s1']);
    expect(drillFindings(neverChecked, { ongoing: true })).toEqual(['injected fault not checked yet: smoke/s1']);
  });

  it('a check that ran after the injection and passed did miss it', () => {
    const missed = drillTimings(list, header, events([started('i1', 0, 'inject'), finished('i1', 100), started('r1', 200), finished('r1', 300), closed]));
    expect(missed.faultsNotChecked).toBeUndefined();
    expect(drillFindings(missed)).toEqual(['injected fault not caught: smoke/s1']);
  });
});
