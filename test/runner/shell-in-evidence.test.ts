// command.started may say what ran the command (`shell`); evidence recorded before errexit has no
// such field and ran under `/bin/sh -c`. Both verify, and the report says how the commands ran.
import { describe, expect, it } from 'vitest';
import { EventBody, type EvidenceEvent } from '../../src/domain/events.js';
import { headerHash, sealEvent, verifyChain } from '../../src/domain/hash-chain.js';
import { renderReport } from '../../src/domain/report.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';
import { SHELL } from '../../src/services/process-group.js';
import { checklist, header } from '../domain/fixtures.js';

const started = (runId: string, item: string, command: string, shell?: string) => ({
  type: 'command.started', runId, section: 'smoke', item, pass: 1, command, edited: false, purpose: 'check', cwd: '/', log: `s.runs/${runId}.log`, ...(shell ? { shell } : {}),
});
const finished = (runId: string, exitCode: number) => ({
  type: 'command.finished', runId, exitCode, signal: null, durationMs: 10, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0,
  logBytes: 0, logSha256: 'e'.repeat(64), excerpt: { head: '', tail: '', truncated: false }, redactions: 0,
  result: exitCode === 0 ? 'pass' : 'fail', reasons: exitCode === 0 ? [] : [`exit code ${exitCode}, expected 0`],
});

/** Sealed into a real chain, so verifyChain checks the hashes. */
function chain(bodies: Array<Record<string, unknown>>): EvidenceEvent[] {
  let prev = headerHash(header);
  return bodies.map((body, i) => {
    const event = sealEvent(i + 1, new Date(Date.parse(header.createdAt) + i * 1000).toISOString(), 'op', EventBody.parse(body), prev);
    prev = event.hash;
    return event;
  });
}

function report(events: EvidenceEvent[]): string {
  const list = checklist();
  const state = foldEvents(header, events);
  return renderReport({ header, state, checklist: list, events, evaluation: evaluateRules(list, state) });
}

/** A stored event as read back from disk: JSON, so nothing zod added on parse. */
const asStored = (events: EvidenceEvent[]): unknown[] => events.map((e) => JSON.parse(JSON.stringify(e)));

describe('the shell a command ran under, in the evidence and the report', () => {
  it('is /bin/sh -e -c', () => {
    expect(SHELL).toBe('/bin/sh -e -c');
  });

  it('evidence from before errexit (no shell) verifies, and its report says a multi-line command failed only on its last line', () => {
    const events = chain([{ type: 'session.started', pid: 1 }, started('r0001', 's1', 'curl -f x\necho checked'), finished('r0001', 0)]);
    expect(verifyChain(header, asStored(events))).toEqual({ ok: true, count: 3 });
    expect(report(events)).toContain("## Checks\n\nCommands ran as `/bin/sh -c '…'`: a command of several lines, or `a; b`, failed only when its last command did.\n\n### 1.");
  });

  it('evidence with the shell verifies, and its report says the first failing command ended the run', () => {
    const events = chain([{ type: 'session.started', pid: 1 }, started('r0001', 's1', 'curl -f x\necho checked', SHELL), finished('r0001', 7)]);
    expect(verifyChain(header, asStored(events))).toEqual({ ok: true, count: 3 });
    const text = report(events);
    expect(text).toContain("## Checks\n\nCommands ran as `/bin/sh -e -c '…'`: the first command that failed ended the run, with its exit code.\n\n");
    expect(text).toContain('Command:\n\n```sh\ncurl -f x\necho checked\n```');
  });

  it('a session resumed by a newer cutover names the shell beside each command', () => {
    const events = chain([
      { type: 'session.started', pid: 1 },
      started('r0001', 's1', 'echo old'),
      finished('r0001', 0),
      { type: 'session.resumed', pid: 2 },
      started('r0002', 's2', 'echo new', SHELL),
      finished('r0002', 0),
    ]);
    const text = report(events);
    expect(text).toContain("Commands ran as `/bin/sh -c '…'` (1 run): a command of several lines, or `a; b`, failed only when its last command did; as `/bin/sh -e -c '…'` (1 run): the first command that failed ended the run, with its exit code.");
    expect(text).toContain("Command (ran as `/bin/sh -c '…'`):\n\n```sh\necho old\n```");
    expect(text).toContain("Command (ran as `/bin/sh -e -c '…'`):\n\n```sh\necho new\n```");
  });

  it('a session without runs says nothing about shells', () => {
    expect(report(chain([{ type: 'session.started', pid: 1 }]))).not.toContain('Commands ran');
  });
});
