// What the change ticket reads about a soak the operator cut short and about a run whose recorder
// died: found reading report.md after a live walk of the demo.
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events.js';
import { renderReport } from '../../src/domain/report.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { checklist, events, header } from './fixtures.js';

let n = 0;
function run(item: string, how: 'pass' | 'fail' | 'cancelled', purpose: 'check' | 'watch' = 'watch'): EventBody[] {
  const runId = `r${String(++n).padStart(4, '0')}`;
  const cancelled = how === 'cancelled';
  return [
    { type: 'command.started', runId, section: 'smoke', item, pass: 1, command: 'curl x', edited: false, purpose, cwd: '/', log: `x.runs/${runId}.log` },
    {
      type: 'command.finished', runId, exitCode: cancelled ? null : how === 'pass' ? 0 : 1, signal: cancelled ? 'SIGTERM' : null, durationMs: 5, timedOut: false, cancelled,
      stdoutBytes: 0, stderrBytes: 0, logBytes: 0, logSha256: '', excerpt: { head: '', tail: '', truncated: false }, redactions: 0,
      result: how === 'pass' ? 'pass' : 'fail', reasons: cancelled ? ['cancelled by operator'] : [],
    },
  ];
}
const marked = (status: 'pass' | 'fail'): EventBody => ({ type: 'item.marked', section: 'smoke', item: 's1', pass: 1, status, note: 'soak' });

function report(bodies: EventBody[]): string {
  const list = checklist();
  const evidence = events(bodies);
  const state = foldEvents(header, evidence);
  return renderReport({ header, state, checklist: list, events: evidence, evaluation: evaluateRules(list, state) });
}

describe('a soak in the report', () => {
  it('counts the runs of its latest soak only, and a run the operator cancelled as cancelled, not failed', () => {
    const text = report([...run('s1', 'pass'), ...run('s1', 'pass'), ...run('s1', 'pass'), marked('pass'), ...run('s1', 'pass'), ...run('s1', 'cancelled'), marked('fail')]);
    const row = text.split('\n').find((line) => line.startsWith('| s1 |')) ?? '';
    expect(row).toContain('FAIL (soak: 2 runs, 0 failed, 1 cancelled)');
  });

  it('a soak cut short by a crash between two runs is counted in the status line, not left out', () => {
    const text = report([...run('s1', 'pass'), ...run('s1', 'pass')]);
    expect(text).toMatch(/\*\*Status:\*\* 0 passed · 0 failed · 0 skipped · 0 not run · 1 interrupted · \d+ not started/);
    const resumed = report([...run('s1', 'pass'), ...run('s1', 'pass'), { type: 'session.resumed', pid: 2 }]);
    expect(resumed).toMatch(/\*\*Status:\*\* 0 passed · 0 failed · 0 skipped · 0 not run · 1 interrupted · \d+ not started/);
  });

  it('the timeline folds the soak runs with the same counts: a cancelled run is not a failed one', () => {
    const text = report([...run('s1', 'pass'), ...run('s1', 'pass'), ...run('s1', 'fail'), ...run('s1', 'cancelled'), marked('fail')]);
    expect(text).toMatch(/smoke\/s1 soak: 4 runs, 1 failed, 1 cancelled \(until/);
  });
});

describe('a run whose recorder died', () => {
  it('names it at the top and says its command may have gone on running', () => {
    const started: EventBody = { type: 'command.started', runId: 'r0900', section: 'smoke', item: 's1', pass: 1, command: 'sleep 60', edited: true, purpose: 'check', cwd: '/', log: 'x.runs/r0900.log' };
    const interrupted: EventBody = {
      type: 'command.interrupted', runId: 'r0900', logBytes: 9, logSha256: '', excerpt: { head: 'starting\n', tail: '', truncated: false },
      reason: 'the process recording this run ended before the run finished',
    };
    const text = report([started, { type: 'session.resumed', pid: 42 }, interrupted]);
    expect(text).toContain('interrupted** (the recording process died) and recorded as such when the session was resumed: smoke/s1 (r0900).');
    expect(text).toContain('Its command may have gone on running: what it did after that is not in this evidence.');
    expect(text).toContain('The command may have gone on running after that; nothing after this point was recorded.');
  });
});

describe('the timeline', () => {
  it('says its offsets are minutes:seconds: T-00:59 is not 59 minutes', () => {
    expect(report([{ type: 't0.marked', at: header.createdAt }])).toContain('Times are UTC; T+ from T0; T- before it, in minutes:seconds (hours:minutes:seconds past an hour).');
  });
});
