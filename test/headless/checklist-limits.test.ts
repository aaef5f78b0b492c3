// A checklist past any of its limits (5 MB, 100,000 values, 200 levels of brackets) is input too
// big to read: `validate` and `run` exit 2 for each alike, with the same one located line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch } from './helpers.js';

afterAll(cleanScratch);

const SECTIONS = 'sections:\n  - id: s\n    title: S\n    kind: steps\n    items:\n      - { id: a, title: A, run: "true" }\n';
const checklistWith = (description: string): string => `id: big\ntitle: Big\nversion: 1\ndescription: ${description}\n${SECTIONS}`;

const OVER_LIMIT: Array<[string, string, RegExp]> = [
  ['too many bytes', checklistWith(`"${'x'.repeat(5 * 1024 * 1024 + 10)}"`), /too large for a checklist \(5\.0 MB; the limit is 5 MB\)/],
  ['too many values', checklistWith(`|\n${'  x\n'.repeat(100_050)}`), /big\.yaml:\d+:\d+: too big for a checklist: over 100,000 values/],
  ['brackets nested too deeply', checklistWith(`${'['.repeat(250)}${']'.repeat(250)}`), /big\.yaml:4:\d+: nested too deeply for a checklist/],
];

describe('a checklist past its limits', () => {
  it.each(OVER_LIMIT)('%s: validate and run exit 2 (unreadable input), not 1 (an invalid checklist)', (_what, text, message) => {
    const dir = scratch();
    const file = join(dir, 'big.yaml');
    writeFileSync(file, text);
    const validate = runCli(['validate', file]);
    expect(validate.stdout).toMatch(message);
    expect(validate.code).toBe(2);
    const validateJson = runCli(['validate', file, '--json']);
    expect(validateJson.code).toBe(2);
    expect(JSON.parse(validateJson.stdout)).toMatchObject({ ok: false });
    const run = runCli(['run', file, '--headless', '--evidence-dir', join(dir, 'evidence')]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it('validate of several files: one past a limit makes the exit 2 even beside a merely invalid one', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'big.yaml'), OVER_LIMIT[1]?.[1] as string);
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\ntitle: Bad\nversion: 1\nsections: []\nunknown: 1\n');
    const result = runCli(['validate', join(dir, 'bad.yaml'), join(dir, 'big.yaml')]);
    expect(result.stdout).toContain('2 of 2 checklists invalid');
    expect(result.code).toBe(2);
  });
});
