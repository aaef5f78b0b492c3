// A FAILED drill with no failed check (a refused destructive step, a fault its check missed) says why
// where it is read the morning after: the report's headline and `cutover drills --json`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

const CHECKLIST = `id: wording
title: Wording
version: "1"
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - id: drift
        title: No policy drift
        run: echo no drift
        drill: { inject: "true", description: the check does not look at it }
  - id: cleanup
    title: Cleanup
    kind: steps
    items:
      - { id: purge, title: Purge, run: "echo purged", destructive: true }
`;

describe('the wording of a FAILED drill without a failed check', () => {
  const dir = scratch();
  const file = join(scratch(), 'wording.yaml');
  writeFileSync(file, CHECKLIST);
  const run = runCli(['run', file, '--headless', '--drill', '--inject', 'drift', '--ticket', 'W-1', '--evidence-dir', dir]);
  const evidence = /^evidence: (\S+)$/m.exec(run.stdout)?.[1] as string;

  it('the report headline names the refused step and the fault not caught, not only "0 failed steps"', () => {
    expect(run.code).toBe(1);
    const report = runCli(['report', evidence]);
    expect(report.stdout).toContain('**Result: FAILED** — total ');
    expect(report.stdout).toMatch(/; 0 failed steps, 1 refused step, 1 injected fault not caught\.$/m);
  });

  it('cutover drills --json gives each drill its findings', () => {
    const json = JSON.parse(runCli(['drills', 'wording', '--evidence-dir', dir, '--json']).stdout) as { drills: Array<{ result: string; findings: string[] }> };
    expect(json.drills[0]?.result).toBe('failed');
    expect(json.drills[0]?.findings).toEqual([
      'refused (destructive, not allowed in this drill): cleanup/purge',
      'injected fault not caught: smoke/drift',
    ]);
  });
});
