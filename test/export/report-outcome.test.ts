// The report's opening lines are what a change-ticket reviewer reads: a cutover that failed a
// check, declared an incident and rolled back must say so there, not open with "0 failed".
import { describe, expect, it } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import { EventBody, type EvidenceEvent, type EvidenceHeader } from '../../src/domain/events.js';
import { headerHash, sealEvent } from '../../src/domain/hash-chain.js';
import { renderReport } from '../../src/domain/report.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';

const parsed = parseChecklistText(
  `
id: out
title: Outcome
version: 1
roles:
  - { id: rm, title: Release manager, required: true }
  - { id: ops, title: Ops on-call }
severity:
  levels: [{ id: SEV0, title: Down }, { id: SEV1, title: Degraded }]
sections:
  - { id: smoke, title: Smoke, kind: smoke, items: [{ id: api, title: API, run: "true", expect: { exitCode: 0 } }] }
  - id: signoff
    title: Sign-off
    kind: signoff
    items: [{ id: so-rm, title: RM signs, owner: rm }, { id: so-ops, title: Ops signs, owner: ops }]
`,
  'out.yaml',
);
if (!parsed.ok) throw new Error('fixture checklist invalid');
const checklist = parsed.checklist;

const header: EvidenceHeader = {
  format: 'cutover-evidence/1', sessionId: 'out-1', toolVersion: '1', createdAt: '2026-02-07T10:00:00.000Z',
  checklist: { id: 'out', title: 'Outcome', version: '1', sha256: 'a'.repeat(64), path: '/x/out.yaml', snapshot: 'out-1.checklist.yaml' },
  host: 'h', operator: 'alice', ticket: 'CHG-7', environment: 'prod', mode: 'live', variables: {},
};

function chain(bodies: Array<[number, Record<string, unknown>]>): EvidenceEvent[] {
  let prev = headerHash(header);
  return bodies.map(([minute, body], i) => {
    const event = sealEvent(i + 1, new Date(Date.parse(header.createdAt) + minute * 60_000).toISOString(), 'alice', EventBody.parse(body), prev);
    prev = event.hash;
    return event;
  });
}

const run = (runId: string, exitCode: number, pass: number): Array<[number, Record<string, unknown>]> => [
  [2 + pass, { type: 'command.started', runId, section: 'smoke', item: 'api', pass, command: 'true', edited: false, purpose: 'check', cwd: '/', log: `out-1.runs/${runId}.log` }],
  [2 + pass, {
    type: 'command.finished', runId, exitCode, signal: null, durationMs: 5, timedOut: false, cancelled: false, stdoutBytes: 0, stderrBytes: 0, logBytes: 0,
    logSha256: 'b'.repeat(64), excerpt: { head: '', tail: '', truncated: false }, redactions: 0, result: exitCode ? 'fail' : 'pass', reasons: exitCode ? ['exit code 1, expected 0'] : [],
  }],
];

function report(bodies: Array<[number, Record<string, unknown>]>): string {
  const events = chain(bodies);
  const state = foldEvents(header, events);
  return renderReport({ header, state, checklist, events, evaluation: evaluateRules(checklist, state) });
}

describe('the report outcome line', () => {
  it('names the decision, the incident, the check that failed before the rollback and who has not signed', () => {
    const text = report([
      [0, { type: 'session.started', pid: 1 }],
      [1, { type: 't0.marked', at: '2026-02-07T10:01:00.000Z' }],
      ...run('r0001', 1, 1),
      [4, { type: 'incident.declared', incidentId: 'INC-1', severity: 'SEV0', title: 'API down' }],
      [5, { type: 'decision.taken', decision: 'rollback', reason: 'SEV0' }],
      [6, { type: 'pass.started', section: 'smoke', pass: 2, reason: 'after rollback' }],
      ...run('r0002', 0, 2),
      [9, { type: 'incident.resolved', incidentId: 'INC-1', note: 'rolled back' }],
      [10, { type: 'item.marked', section: 'signoff', item: 'so-rm', pass: 1, status: 'pass', note: 'signed' }],
      [10, { type: 'signoff.recorded', role: 'rm', name: 'Bob', item: 'so-rm', note: '' }],
    ]);
    expect(text).toContain('> **Status:** 2 passed · 0 failed');
    expect(text).toContain(
      '> **Outcome:** decided **ROLLBACK** at T+04:00 (alice) · 1 incident declared (SEV0), resolved · 1 check failed in an earlier pass: smoke/api (pass 1) · signed off: 1 of 2 (**not signed: Ops on-call**)',
    );
  });

  it('keeps the quoted summary lines apart, so markdown does not run them into one paragraph', () => {
    const text = report([[0, { type: 'session.started', pid: 1 }], [1, { type: 'incident.declared', incidentId: 'INC-1', severity: 'SEV1', title: 'slow' }]]);
    expect(text).toMatch(/> \*\*Status:\*\* .*\n>\n> \*\*Recommendation:\*\* .*\n>\n> \*\*Outcome:\*\* 1 incident declared \(SEV1\), \*\*1 open\*\*\n\n/);
  });

  it('says nothing more for a plain gate run: no decisions, incidents, earlier passes, and no cutover to sign off', () => {
    const text = report([[0, { type: 'session.started', pid: 1 }], ...run('r0001', 0, 1)]);
    expect(text).not.toContain('**Outcome:**');
  });
});
