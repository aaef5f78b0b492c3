// A run that printed nothing has no log file beside the evidence; the incident package still
// holds a log for every run (an empty one), listed in SHA256SUMS, and everything verifies.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
let evidence: string;

beforeAll(() => {
  const dir = scratch('cutover-quiet-');
  const checklist = join(dir, 'quiet.yaml');
  writeFileSync(
    checklist,
    'id: quiet\ntitle: Quiet and loud\nversion: 1\nsections:\n  - id: smoke\n    title: Smoke\n    kind: smoke\n    items:\n' +
      '      - { id: quiet, title: Prints nothing, run: "true" }\n      - { id: loud, title: Prints, run: echo hello }\n',
  );
  const run = runCli(['run', checklist, '--headless', '--evidence-dir', join(dir, 'evidence')]);
  expect(run.code).toBe(0);
  evidence = evidenceFiles(join(dir, 'evidence'))[0] as string;
});

describe('a run that printed nothing', () => {
  it('leaves no log file, and the evidence file verifies', () => {
    const runs = evidence.replace(/\.json$/, '.runs');
    expect(readdirSync(runs)).toEqual(['r0002.log']);
    expect(existsSync(join(runs, 'r0001.log'))).toBe(false);
    const verify = runCli(['verify', evidence]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^intact: /);
  });

  it('gets an empty log in an exported folder, listed in SHA256SUMS, and the folder verifies', () => {
    const out = join(scratch(), 'bundle');
    expect(runCli(['export', evidence, '-o', out]).code).toBe(0);
    expect(readdirSync(join(out, 'runs')).sort()).toEqual(['r0001.log', 'r0002.log']);
    expect(readFileSync(join(out, 'runs', 'r0001.log'), 'utf8')).toBe('');
    expect(readFileSync(join(out, 'runs', 'r0002.log'), 'utf8')).toBe('hello\n');
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toContain(`${EMPTY_SHA256}  runs/r0001.log`);
    expect(runCli(['verify', out]).code).toBe(0);
  });

  it('gets an empty log in an exported tarball too, and the tarball verifies', () => {
    const out = join(scratch(), 'package.tar.gz');
    expect(runCli(['export', evidence, '-o', out]).code).toBe(0);
    const entries: Record<string, number> = {};
    tar.t({ file: out, sync: true, onReadEntry: (e) => void (entries[e.path] = e.size) });
    expect(entries['package/runs/r0001.log']).toBe(0);
    expect(entries['package/runs/r0002.log']).toBe(6);
    expect(runCli(['verify', out]).code).toBe(0);
  });

  it('reports with its command and an empty output', () => {
    const report = runCli(['report', evidence]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Prints nothing');
    expect(report.stdout).toContain('hello');
  });
});
