// The report as text: built from synthetic evidence (sealed events folded by the one reducer),
// asserting what a reader of the change ticket must find in it.
import { describe, expect, it } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import type { Checklist } from '../../src/domain/checklist-schema.js';
import { EventBody, type EvidenceEvent, type EvidenceHeader } from '../../src/domain/events.js';
import { headerHash, sealEvent } from '../../src/domain/hash-chain.js';
import { renderReport, type ReportInput } from '../../src/domain/report.js';
import { compareDrills, drillTimings } from '../../src/domain/drill-timings.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { evaluateRules } from '../../src/domain/severity-rules.js';

const CHECKLIST = `
id: rpt
title: Report | test
version: 2
roles:
  - { id: ic, title: Incident commander, required: true }
  - { id: scribe, title: Scribe }
severity:
  levels: [{ id: SEV1, title: Major }]
  rules:
    - { id: sev1, text: Any SEV1 means consider rollback, when: { severity: SEV1 }, recommend: consider-rollback }
sections:
  - id: gates
    title: Gates
    kind: gates
    items:
      - { id: g1, title: Preflight, run: echo ok }
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - { id: api, title: "API | health", run: "curl -s http://x | grep ok" }
      - { id: look, title: Look at graphs }
`;

function checklist(): Checklist {
  const parsed = parseChecklistText(CHECKLIST, 'rpt.yaml');
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.checklist;
}

const header: EvidenceHeader = {
  format: 'cutover-evidence/1',
  sessionId: 'rpt-1',
  toolVersion: '9.9.9',
  createdAt: '2026-02-07T10:00:00.000Z',
  checklist: { id: 'rpt', title: 'Report | test', version: '2', sha256: 'a'.repeat(64), path: '/x/rpt.yaml', snapshot: 'rpt-1.checklist.yaml' },
  host: 'ops-box',
  operator: 'alice',
  ticket: 'CHG-42',
  environment: 'production',
  mode: 'live',
  variables: { region: 'eu-west-1' },
};

const excerpt = (head: string) => ({ head, tail: '', truncated: false });
const finished = (runId: string, exitCode: number, head: string) => ({
  type: 'command.finished', runId, exitCode, signal: null, durationMs: 1234, timedOut: false, cancelled: false,
  stdoutBytes: head.length, stderrBytes: 0, logBytes: head.length, logSha256: 'b'.repeat(64), excerpt: excerpt(head),
  redactions: 0, result: exitCode === 0 ? 'pass' : 'fail', reasons: exitCode === 0 ? [] : [`exit code ${exitCode}, expected 0`],
});
const started = (runId: string, section: string, item: string, command: string, pass = 1) => ({
  type: 'command.started', runId, section, item, pass, command, edited: false, purpose: 'check', cwd: '/', log: `rpt-1.runs/${runId}.log`,
});

/** Seals bodies at the given minutes after 10:00 into a chain. */
function chain(bodies: Array<[number, Record<string, unknown>]>): EvidenceEvent[] {
  let prev = headerHash(header);
  return bodies.map(([minute, body], i) => {
    const ts = new Date(Date.parse(header.createdAt) + minute * 60_000).toISOString();
    const event = sealEvent(i + 1, ts, 'alice', EventBody.parse(body), prev);
    prev = event.hash;
    return event;
  });
}

function report(events: EvidenceEvent[], extra: Partial<ReportInput> = {}): string {
  const list = checklist();
  const state = foldEvents(header, events);
  return renderReport({ header, state, checklist: list, events, evaluation: evaluateRules(list, state), ...extra });
}

const fullSession = (): EvidenceEvent[] =>
  chain([
    [0, { type: 'session.started', pid: 1 }],
    [1, { type: 'role.assigned', role: 'ic', name: 'Bob', contact: '@bob', backup: 'Carol' }],
    [2, { type: 'role.assigned', role: 'scribe', name: 'TBD', tbd: true }],
    [3, started('r0001', 'gates', 'g1', 'echo ok')],
    [3, finished('r0001', 0, 'ok\n')],
    [4, { type: 'decision.taken', decision: 'go', reason: 'gates green' }],
    [5, { type: 't0.marked', at: '2026-02-07T10:05:00.000Z' }],
    [7, started('r0002', 'smoke', 'api', 'curl -s http://x | grep ok')],
    [7, finished('r0002', 1, 'got ``` fences and | pipes\n')],
    [8, { type: 'incident.declared', incidentId: 'INC-1', severity: 'SEV1', title: 'API errors up' }],
    [8, { type: 'rule.fired', rule: 'sev1', recommend: 'consider-rollback', text: 'Any SEV1 means consider rollback', reason: 'SEV1 open' }],
    [9, { type: 'note.added', section: 'smoke', item: 'api', text: 'errors from one AZ' }],
    [10, { type: 'decision.taken', decision: 'rollback', reason: 'SEV1 on the API' }],
    [12, { type: 'pass.started', section: 'smoke', pass: 2, reason: 'after rollback' }],
    [13, started('r0003', 'smoke', 'api', 'curl -s http://x | grep ok', 2)],
    [13, finished('r0003', 0, 'ok\n')],
    [14, { type: 'incident.resolved', incidentId: 'INC-1', note: 'rolled back' }],
    [14, { type: 'rule.cleared', rule: 'sev1', reason: 'condition no longer holds' }],
    [15, { type: 'signoff.recorded', role: 'ic', name: 'Bob', note: 'done' }],
    [16, { type: 'session.closed', reason: 'finished' }],
  ]);

describe('renderReport', () => {
  it('has the title, a status summary and the header table', () => {
    const text = report(fullSession());
    expect(text.startsWith('# Cutover report: Report | test — CHG-42\n')).toBe(true); // pipes are escaped in table cells only
    expect(text).toContain('> **Status:** 2 passed · 0 failed · 0 skipped · 0 not run · 1 not started · no open incidents');
    expect(text).toContain('| Ticket | CHG-42 |');
    expect(text).toContain('| Environment | production |');
    expect(text).toContain('| Operator | alice |');
    expect(text).toContain('| Host | ops-box |');
    expect(text).toContain('| Mode | live |');
    expect(text).toContain(`| Checklist sha256 | \`${'a'.repeat(64)}\` |`);
    expect(text).toContain('| T0 | 2026-02-07 10:05:00 UTC |');
    expect(text).toContain('| Ended | 2026-02-07 10:16:00 UTC |');
    expect(text).toContain('| `region` | `eu-west-1` |');
  });

  it('says when the recommendation still firing was already decided on', () => {
    const text = report(fullSession().slice(0, 13));
    expect(text).toContain('> **Recommendation:** CONSIDER ROLLBACK · rollback decided T+05:00 by alice — SEV1 open: Any SEV1 means consider rollback');
    expect(text).toContain('Current recommendation: **CONSIDER ROLLBACK · rollback decided T+05:00 by alice — SEV1 open');
    const undecided = report(fullSession().slice(0, 12));
    expect(undecided).toContain('> **Recommendation:** CONSIDER ROLLBACK — SEV1 open: Any SEV1 means consider rollback');
  });

  it('shows roles, gates, incidents, rules, decisions and sign-offs', () => {
    const text = report(fullSession());
    expect(text).toContain('| Incident commander | yes | Bob | @bob | Carol | T-04:00 |');
    expect(text).toContain('| Scribe |  | TBD (acknowledged) |');
    expect(text).toMatch(/## Gate results\n\n\| Gate \| Check \| Result \| Exit \| Note \|\n.*\n\| g1 \| Preflight \| \*\*PASS\*\* \| 0 \|/);
    expect(text).toContain('Go/no-go decision at T-01:00: **GO** by alice — gates green');
    expect(text).toContain('| INC-1 | **SEV1** | API errors up |  | T+03:00 | T+09:00 — rolled back |');
    expect(text).toContain('| T+03:00 | Any SEV1 means consider rollback | CONSIDER ROLLBACK | SEV1 open | T+09:00 |');
    expect(text).toContain('| T+05:00 | **ROLLBACK** | SEV1 on the API | alice |');
    expect(text).toContain('| T+10:00 | Incident commander | Bob |  | done |');
  });

  it('keeps every pass of a section, escapes pipes in cells and fences output safely', () => {
    const text = report(fullSession());
    expect(text).toContain('**Pass 1 of 2** (earlier result, kept)');
    expect(text).toContain('**Pass 2 of 2** — started T+07:00: after rollback');
    expect(text).toContain('| api | API \\| health | FAIL | 1 | 1.2s | T+02:00 |');
    expect(text).toContain('| api | API \\| health | PASS | 0 | 1.2s | T+08:00 |');
    expect(text).toContain('#### api — API | health (pass 1)');
    expect(text).toContain('```sh\ncurl -s http://x | grep ok\n```');
    expect(text).toContain('````text\ngot ``` fences and | pipes\n````');
    expect(text).toContain('- exit code 1, expected 0');
    expect(text).toContain('- T+04:00 alice: errors from one AZ');
  });

  it('has a timeline with T- before T0 and T+ after it', () => {
    const text = report(fullSession());
    expect(text).toContain('| T-05:00 | 10:00:00 | alice | Session started on ops-box (pid 1) |');
    expect(text).toContain('| T-02:00 | 10:03:00 | alice | gates/g1 ran: **PASS** (exit 0, 1.2s) |');
    expect(text).toContain('| T+00:00 | 10:05:00 | alice | **T0 marked** |');
    expect(text).toContain('| T+02:00 | 10:07:00 | alice | smoke/api ran: **FAIL** (exit 1, 1.2s) |');
    expect(text).toContain('| T+03:00 | 10:08:00 | alice | **Incident INC-1 declared (SEV1)**: API errors up |');
  });

  it('marks runs a dead writer left unfinished as interrupted, with the output that reached the log', () => {
    const events = chain([
      [0, { type: 'session.started', pid: 1 }],
      [1, started('r0001', 'smoke', 'api', 'slow-check')],
    ]);
    const text = report(events, { inFlightOutput: { r0001: { head: 'partial line\n', tail: '', truncated: false, bytes: 13 } } });
    expect(text).toContain('**⚠ INTERRUPTED:** the recording process stopped while 1 run was in flight: smoke/api (r0001).');
    expect(text).toContain('| api | API \\| health | INTERRUPTED |');
    expect(text).toContain('```text\npartial line\n```');
    const live = report(events, { openElsewhere: 'process 42 on ops-box' });
    expect(live).toContain('| api | API \\| health | RUNNING |');
    expect(live).toContain('**Session still open** in process 42 on ops-box');
  });

  it('trims long output to a head and a tail with a marker pointing at the log', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i + 1}`).join('\n');
    const events = chain([
      [0, { type: 'session.started', pid: 1 }],
      [1, started('r0001', 'gates', 'g1', 'echo ok')],
      [1, { ...finished('r0001', 0, lines), excerpt: { head: lines, tail: '', truncated: false }, logBytes: lines.length }],
    ]);
    const text = report(events);
    expect(text).toContain('line 1\n');
    expect(text).toContain('line 20\n… output omitted here');
    expect(text).toContain('see r0001.log) …\nline 461\n');
    expect(text).toContain('line 500\n```');
    expect(text).not.toContain('line 100\n');
  });

  it('titles a drill and shows its timings', () => {
    const events = fullSession();
    const list = checklist();
    const drillHeader = { ...header, mode: 'drill' as const };
    const state = foldEvents(drillHeader, events);
    const text = renderReport({ header: drillHeader, state, checklist: list, events, evaluation: evaluateRules(list, state) });
    expect(text.startsWith('# DRILL — Cutover report')).toBe(true);
    expect(text).toContain('| Mode | **DRILL** (rehearsal) |');
    expect(text).toContain('## Drill timings');
  });

  it('compares a drill with earlier drills step by step: last, best, median, faster or slower', () => {
    const events = fullSession();
    const list = checklist();
    const drillHeader = { ...header, mode: 'drill' as const };
    const state = foldEvents(drillHeader, events);
    const current = drillTimings(list, drillHeader, events);
    const slower = { ...current, totalMs: current.totalMs * 2, sections: { ...current.sections, smoke: (current.sections.smoke ?? 0) + 60_000 } };
    const drill = { comparison: compareDrills(current, [slower, slower]), earlier: 2 };
    const text = renderReport({ header: drillHeader, state, checklist: list, events, evaluation: evaluateRules(list, state), drill });
    expect(text).toContain('Compared with 2 earlier drills of `rpt` in the same evidence directory (`cutover drills rpt --evidence-dir DIR`, DIR the folder of this session\'s evidence file, lists them)');
    expect(text).toContain('| Step | Took | Last | Best | Median | Against the median |');
    expect(text).toMatch(/\| Smoke \(section\) \| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \| 1m00s faster than median \|/);
    expect(text).toMatch(/\| ↳ API \\\| health \|/);
  });

  it('shows the cutover clock: each timeline entry planned against when it was done', () => {
    const parsed = parseChecklistText(`${CHECKLIST}
  - id: clock
    title: Clock
    kind: timeline
    items:
      - { id: tm10, title: Go/no-go, at: T-10 }
      - { id: tp10, title: Validate health, at: T+10 }
      - { id: tp30, title: Decide, at: T+30 }
`, 'clock.yaml');
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    const list = parsed.checklist;
    const events = chain([
      [0, { type: 'item.marked', section: 'clock', item: 'tm10', pass: 1, status: 'pass' }],
      [10, { type: 't0.marked', at: '2026-02-07T10:10:00.000Z' }],
      [24, { type: 'item.marked', section: 'clock', item: 'tp10', pass: 1, status: 'pass' }],
    ]);
    const state = foldEvents(header, events);
    const text = renderReport({ header, state, checklist: list, events, evaluation: evaluateRules(list, state) });
    expect(text).toContain('## Cutover clock: planned against actual');
    expect(text).toContain('| T-10 | Go/no-go | T-10:00 | T-10:00 (pass) | on time |');
    expect(text).toContain('| T+10 | Validate health | T+10:00 | T+14:00 (pass) | 4 min late |');
    expect(text).toContain('| T+30 | Decide | T+30:00 | not done |  |');
  });
});

