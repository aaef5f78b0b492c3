// `cutover report` through the built CLI: the report of a real headless session, and what happens
// with damaged evidence or a missing checklist snapshot.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, runHeadless, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

function session(): string {
  const dir = scratch('cutover-report-');
  expect(runHeadless('fail.yaml', dir, ['--ticket', 'CHG-9', '--env', 'prod-eu']).code).toBe(1);
  return evidenceFiles(dir)[0] as string;
}

describe('cutover report', () => {
  it('prints the markdown report: headings, ticket, each check with command, exit code and output', () => {
    const file = session();
    const result = runCli(['report', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const md = result.stdout;
    expect(md).toMatch(/^# Cutover report: Headless smoke \(one fails\) — CHG-9\n/);
    for (const heading of ['## Incidents', '## Severity rules', '## Decisions', '## Checks', '### 1. Smoke checks (smoke)', '## Timeline']) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain('| Environment | prod-eu |');
    expect(md).toContain('| broken | This one exits 3 | FAIL | 3 |');
    expect(md).toContain("```sh\necho 'about to fail' >&2; exit 3\n```");
    expect(md).toContain('```text\nabout to fail\n```');
    expect(md).toContain('- exit code 3, expected 0');
    expect(md).toMatch(/\| \+00:0\d \| \d\d:\d\d:\d\d \| \S+ \| smoke\/broken ran: \*\*FAIL\*\* \(exit 3, /);
    expect(md).toContain('**Recommendation:** HOLD — 1 check failed');
  });

  it('a damaged file still gets a report of its intact events, a loud warning on stderr and exit 1', () => {
    const file = session();
    const lines = readFileSync(file, 'utf8').split('\n');
    const seq = lines.findIndex((l) => l.includes('"exitCode":3')); // line n holds seq n
    lines[seq] = (lines[seq] as string).replace('"exitCode":3', '"exitCode":0');
    writeFileSync(file, lines.join('\n'));
    const result = runCli(['report', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`WARNING: evidence file .* is damaged at seq ${seq}: hash mismatch \\(event edited\\)`));
    expect(result.stderr).toContain(`covers only the ${seq - 1} intact events`);
    expect(result.stdout).toContain('**⚠ DAMAGED EVIDENCE:**');
    expect(result.stdout).toContain('| ok | This one passes | PASS | 0 |');
  });

  it('without the checklist snapshot, reports from the evidence alone with a warning', () => {
    const file = session();
    rmSync(file.replace(/\.json$/, '.checklist.yaml'));
    const result = runCli(['report', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('checklist snapshot');
    expect(result.stdout).toContain('| broken | broken | FAIL | 3 |');
  });

  it('unreadable input is exit 2 with one line, no stack trace', () => {
    const result = runCli(['report', '/nonexistent/x.json']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
