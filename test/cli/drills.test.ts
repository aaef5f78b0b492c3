// `cutover drills` through the built CLI: several rehearsals of one checklist compared (a failed
// one, an unfinished one, a newer checklist version), and the exit codes of an empty history.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

const CHECKLIST = (version: string, rollbackSleep: string) => `id: rehearse
title: Rehearsal
version: "${version}"
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - { id: health, title: Health, run: "test ! -f \\"$FAIL_FLAG\\" && echo ok" }
  - id: rollback
    title: Rollback
    kind: rollback
    items:
      - { id: switch-back, title: Switch back, run: "sleep ${rollbackSleep}; echo done" }
      - { id: purge, title: Purge, run: "echo purged", destructive: true }
`;

function drillRun(dir: string, checklist: string, ticket: string, env: Record<string, string> = {}, extra: string[] = []) {
  return runCli(['run', checklist, '--headless', '--drill', '--ticket', ticket, '--evidence-dir', dir, ...extra], { env });
}

describe('cutover drills', () => {
  it('compares rehearsals: result per drill, findings, and which step of the latest got slower', () => {
    const dir = scratch();
    const files = scratch();
    const v1 = join(files, 'v1.yaml');
    const v2 = join(files, 'v2.yaml');
    writeFileSync(v1, CHECKLIST('1', '0.1'));
    writeFileSync(v2, CHECKLIST('2', '1.5'));
    const flag = join(files, 'fail');
    expect(drillRun(dir, v1, 'R-1', { FAIL_FLAG: flag }, ['--allow-destructive']).code).toBe(0);
    writeFileSync(flag, '');
    const failed = drillRun(dir, v1, 'R-2', { FAIL_FLAG: flag }, ['--allow-destructive']);
    expect(failed.stdout).toMatch(/^ {7}result: FAILED — failed: smoke\/health$/m);
    // an unfinished drill: its session.closed is cut off, as if the process had been killed
    const r3 = drillRun(dir, v1, 'R-3', { FAIL_FLAG: join(files, 'none') }, ['--allow-destructive']);
    const r3File = /^evidence: (\S+)$/m.exec(r3.stdout)?.[1] as string;
    const lines = readFileSync(r3File, 'utf8').split('\n');
    const closedAt = lines.findIndex((l) => l.includes('"session.closed"'));
    writeFileSync(r3File, `${lines.slice(0, closedAt).join('\n').replace(/,$/, '')}\n]}\n`);
    const latest = drillRun(dir, v2, 'R-4', { FAIL_FLAG: join(files, 'none') });
    expect(latest.stdout).toMatch(/^drill: total \S+ \(\S+ slower than median\), rollback \S+ \(\S+ slower than median\) against 3 earlier drills$/m);
    expect(latest.stdout).toMatch(/^ {7}result: FAILED — refused \(destructive, not allowed in this drill\): rollback\/purge$/m);

    const history = runCli(['drills', 'rehearse', '--evidence-dir', dir]);
    expect(history.code).toBe(0);
    const out = history.stdout;
    expect(out).toContain('Drills of rehearse (4, oldest first)');
    expect(out).toMatch(/STARTED\s+TICKET\s+OPERATOR\s+VERSION\s+RESULT\s+TOTAL\s+ROLLBACK\s+ROLL-FORWARD\s+EVIDENCE/);
    expect(out).toMatch(/R-1\s+\S+\s+1\s+passed\s+\S+ \(best\)/);
    expect(out).toMatch(/R-2\s+\S+\s+1\s+FAILED\s/);
    expect(out).toMatch(/R-3\s+\S+\s+1\s+unfinished\s+\S+ so far/);
    expect(out).toMatch(/R-4\s+\S+\s+2\s+FAILED\s/);
    expect(out).toMatch(/^ {2}R-2 \(.*\): failed: smoke\/health$/m);
    expect(out).toMatch(/^ {2}R-3 \(.*\): not finished \(left open or interrupted\)$/m);
    expect(out).toContain('note: it used checklist version 2; 3 of the drills before it used version 1');
    // the step that got slower is named, with its time against the median
    expect(out).toMatch(/^rollback\/switch-back\s+1\.\ds\s+\d+ms\s+1\.\ds slower$/m);
    expect(out).toMatch(/every step: cutover report \S+\.json/);

    const json = JSON.parse(runCli(['drills', 'rehearse', '--evidence-dir', dir, '--json']).stdout) as { drills: Array<{ ticket: string; result: string; finished: boolean }> };
    expect(json.drills.map((d) => [d.ticket, d.result])).toEqual([['R-1', 'passed'], ['R-2', 'failed'], ['R-3', 'unfinished'], ['R-4', 'failed']]);
  });

  it('a known checklist with no drills yet is not an error; an unknown id is (exit 2)', () => {
    const dir = scratch();
    const none = runCli(['drills', 'demo', '--evidence-dir', dir]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No drills of demo in');
    expect(none.stdout).toContain('cutover open demo --drill');
    expect(none.stderr).toBe('');
    const json = runCli(['drills', 'demo', '--evidence-dir', dir, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ checklist: 'demo', drills: [] });
    const unknown = runCli(['drills', 'no-such-checklist', '--evidence-dir', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no checklist "no-such-checklist"');
    expect(unknown.stderr).toContain('cutover list');
    // a checklist file names its id; the hint opens it the way it was given (an id may not resolve from there)
    const byPath = runCli(['drills', 'checklists/demo.yaml', '--evidence-dir', dir]).stdout;
    expect(byPath).toContain('No drills of demo in');
    expect(byPath).toContain('cutover open checklists/demo.yaml --drill');
  });

  it('a checklist known only from the evidence of its live sessions: the hint names a file to open, not the id', () => {
    const dir = scratch();
    const copy = join(scratch(), 'elsewhere.yaml');
    writeFileSync(copy, readFileSync('test/fixtures/headless/pass.yaml', 'utf8').replace(/^id: .*$/m, 'id: only-in-evidence'));
    expect(runCli(['run', copy, '--headless', '--evidence-dir', dir]).code).toBe(0);
    const none = runCli(['drills', 'only-in-evidence', '--evidence-dir', dir]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('rehearse one with `cutover open <checklist file> --drill`');
    expect(none.stdout).toContain("(only-in-evidence is known here only from its sessions' evidence: `cutover list` shows the checklists that open)");
  });
});
