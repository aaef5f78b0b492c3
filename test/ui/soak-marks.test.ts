// The row of marks shows the item's latest soak only: a second soak of the same item in the same
// pass starts a new row; its earlier runs stay in the evidence.
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { soakLine, soakResults } from '../../src/ui/run/soak-marks.js';
import { events, header } from '../domain/fixtures.js';

let n = 0;
function watchRun(result: 'pass' | 'fail'): EventBody[] {
  const runId = `r${++n}`;
  return [
    { type: 'command.started', runId, section: 'smoke', item: 's1', pass: 1, command: 'true', edited: false, purpose: 'watch', cwd: '/', log: `x.runs/${runId}.log` },
    {
      type: 'command.finished', runId, exitCode: result === 'pass' ? 0 : 1, signal: null, durationMs: 5, timedOut: false, cancelled: false,
      stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: '', excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result, reasons: [],
    },
  ];
}
const marked = (status: 'pass' | 'fail'): EventBody => ({ type: 'item.marked', section: 'smoke', item: 's1', pass: 1, status, note: 'soak' });

describe('soak marks', () => {
  it('show the runs of the latest soak, and of the one still running', () => {
    const first = [...watchRun('pass'), ...watchRun('fail'), marked('fail')];
    expect(soakResults(foldEvents(header, events(first)), 'smoke', 's1')).toEqual(['pass', 'fail']);
    const running = [...first, ...watchRun('pass')];
    expect(soakResults(foldEvents(header, events(running)), 'smoke', 's1')).toEqual(['pass']);
    const second = [...running, ...watchRun('pass'), marked('pass')];
    const state = foldEvents(header, events(second));
    expect(soakResults(state, 'smoke', 's1')).toEqual(['pass', 'pass']);
    expect(state.items['smoke/s1']?.runIds).toHaveLength(4);
  });
});

describe('soak line', () => {
  it('counts a run a crash cut short as interrupted, not failed', () => {
    expect(soakLine(['pass', 'interrupted'], 80)).toBe('soak: ✓! 2 runs, 1 interrupted');
    expect(soakLine(['pass', 'fail', 'interrupted', 'pass'], 80)).toBe('soak: ✓✗!✓ 4 runs, 1 failed, 1 interrupted');
    expect(soakLine(['pass', 'pass'], 80)).toBe('soak: ✓✓ 2 runs');
  });
});
