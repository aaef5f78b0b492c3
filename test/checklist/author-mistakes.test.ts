// Mistakes a new author makes writing a checklist by hand, and hostile files: each gets one located
// line that says what to change, fast, and nothing from the file reaches the terminal raw.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import { formatDiagnostic } from '../../src/domain/diagnostic.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

const errors = (text: string, file = 'c.yaml'): string[] =>
  parseChecklistText(text, file).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

const HEAD = 'id: c\ntitle: C\nversion: 1\n';
const item = (lines: string[]): string => `${HEAD}sections:\n  - id: s\n    title: S\n    kind: smoke\n    items:\n${lines.join('\n')}\n`;

describe('indentation', () => {
  test('a key one column left of its siblings is named, with both columns', () => {
    expect(errors(item(['      - id: a', '       title: A', '        run: "true"']))).toEqual([
      'c.yaml:10:8: "title" is at column 8 but "id" above it is at column 9: the keys of one mapping start at the same column (check the indentation)',
    ]);
  });

  test('a key pulled back under the "-" is compared with its siblings, past a nested mapping', () => {
    expect(errors(item(['      - id: a', '        title: A', '        expect:', '          contains: ok', '      owner: x']))).toEqual([
      'c.yaml:13:7: "owner" is at column 7 but "expect" above it is at column 9: the keys of one mapping start at the same column (check the indentation)',
    ]);
  });

  test('a key indented under a key that already has a value reads as part of that value', () => {
    expect(errors(item(['      - id: a', '        title: A', '          run: "true"']))).toEqual([
      'c.yaml:11:11: "run" is at column 11, deeper than "title" above it (column 9), so it reads as part of title\'s value: line it up with "title"',
    ]);
  });

  test('list items that do not line up', () => {
    expect(errors(`${HEAD}roles:\n - { id: a, title: A }\n  - { id: b, title: B }\nsections: []\n`)).toEqual([
      'c.yaml:6:3: this "-" is at column 3 but the one above it is at column 2: the items of one list start at the same column (check the indentation)',
    ]);
  });

  test('a value holding ": " is told to be quoted', () => {
    expect(errors(item(['      - id: a', '        title: Step 1: freeze writes', '        run: "true"']))).toEqual([
      'c.yaml:10:9: the value of "title" contains ": ", which YAML reads as another key: put the value in quotes',
    ]);
  });
});

describe('suggestions', () => {
  test('a top-level "role" suggests "roles", while an item\'s "role" still suggests "owner"', () => {
    expect(errors(`${HEAD}role: []\nsections: [{ id: s, title: S, kind: smoke }]\n`)).toEqual(['c.yaml:4:1 role: unknown key "role" (did you mean "roles"?)']);
    expect(errors(item(['      - { id: a, title: A, role: ops }']))).toEqual([
      'c.yaml:9:28 sections[0].items[0].role: unknown key "role" (did you mean "owner"?)',
    ]);
  });

  test('YAML saved as .json is told to be named .yaml', () => {
    expect(errors(`# payments\n${HEAD}sections: []\n`, 'c.json')).toEqual([
      'c.json:1:1: expected a value, found \'#\' (this looks like YAML: a .json file is read as JSON, so name it .yaml)',
    ]);
    expect(errors('{"id": "c",}', 'c.json')[0]).not.toContain('looks like YAML');
  });
});

describe('control characters quoted back from the file', () => {
  const escapes = `${HEAD}sections:\n  - id: s\n    title: S\n    kind: "sm\\u009b2Joke"\n"\\e]0;owned\\a": 1\n`;

  test('are written as \\u escapes in the text and JSON output of validate', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.yaml'), escapes);
    const text = runCli(['validate', 'c.yaml'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(text.stdout).toContain('unknown key "\\u001b]0;owned\\u0007"');
    expect(text.stdout).toContain('got a string ("sm\\u009b2Joke")');
    const json = runCli(['validate', '--json', 'c.yaml'], { cwd: dir });
    expect(json.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    const messages = JSON.parse(json.stdout).files[0].errors.map((e: { message: string }) => e.message);
    expect(messages).toContain('unknown key "\u001b]0;owned\u0007" (allowed: $schema, id, title, version, description, owner, variables, roles, links, severity, sections, evidenceTemplate)');
  });

  test('never reach the terminal when open refuses the checklist', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.yaml'), escapes);
    const run = runCli(['run', 'c.yaml', '--headless', '--evidence-dir', dir], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('\\u009b');
    expect(run.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });
});

describe('hostile sizes are refused before the YAML parser spends seconds and gigabytes', () => {
  const timed = (text: string, file = 'h.yaml'): { lines: string[]; ms: number } => {
    const start = performance.now();
    const lines = errors(text, file);
    return { lines, ms: performance.now() - start };
  };

  test('100,000 items', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => `      - { id: i${i}, title: t }`);
    const { lines, ms } = timed(item(items));
    expect(lines).toEqual([expect.stringMatching(/^h\.yaml:\d+:\d+: too big for a checklist: over 100,000 values/)]);
    expect(ms).toBeLessThan(1000);
  });

  test('a flat list of millions of values, in YAML and JSON', () => {
    expect(timed(`${HEAD}x: [${'1,'.repeat(1_000_000)}1]\n`).lines[0]).toMatch(/^h\.yaml:4:\d+: too big for a checklist/);
    expect(timed(`{"id": "c", "x": [${'1,'.repeat(1_000_000)}1]}`, 'h.json').lines[0]).toMatch(/^h\.json:1:\d+: too big for a checklist/);
  });

  test('brackets nested thousands deep', () => {
    const { lines, ms } = timed(`${HEAD}x: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`);
    expect(lines).toEqual(['h.yaml:4:804: nested too deeply for a checklist']);
    expect(ms).toBeLessThan(500);
  });

  test('thousands of aliases (each one walks the document in the YAML library)', () => {
    const { lines, ms } = timed(`${HEAD}x: [${'{a: &a [1], b: *a},'.repeat(8000)}1]\nsections: []\n`);
    expect(lines).toEqual([expect.stringMatching(/^h\.yaml:4:\d+: too many \*aliases for a file this size/)]);
    expect(ms).toBeLessThan(5000);
  });

  test('an alias before its anchor is still named', () => {
    expect(errors(`${HEAD}x: [*a, &a 1]\nsections: []\n`)).toEqual(['c.yaml:4:5: unknown anchor "*a" (define &a before using it)']);
  });
});

test('one warning past the shown three is "1 more ... warning", not "warnings"', () => {
  const dir = tempDir();
  const items = Array.from({ length: 4 }, (_, i) => `      - { id: i${i}, title: Item ${i}, run: "echo ${i}" }`);
  writeFileSync(join(dir, 'c.yaml'), item(items));
  expect(runCli(['validate', 'c.yaml'], { cwd: dir }).stdout).toContain('... and 1 more no-expect warning (--json lists every one)');
});

describe('no-expect warns where output may tell more than the exit code', () => {
  const lint = (kind: string, fields: string): string[] => {
    const text = `${HEAD}sections:\n  - id: s\n    title: S\n    kind: ${kind}\n    items:\n      - { id: a, title: A, run: ./check.sh${fields} }\n`;
    const result = parseChecklistText(text, 'c.yaml');
    return result.diagnostics.map((d) => d.code);
  };

  test('a gate, smoke or triage check without expect', () => {
    for (const kind of ['gates', 'smoke', 'triage']) expect(lint(kind, '')).toEqual(['no-expect']);
  });

  test('not a step, a rollback or a soak (watch), which the exit code judges; README\'s own example is clean', () => {
    for (const kind of ['steps', 'rollback', 'rollforward', 'timeline', 'playbook']) expect(lint(kind, '')).toEqual([]);
    expect(lint('smoke', ', watch: { every: 30s, for: 10m }')).toEqual([]);
    const readme = /```yaml\n([\s\S]*?)```/.exec(readFileSync(join(repoRoot, 'README.md'), 'utf8'))?.[1] ?? '';
    const result = parseChecklistText(readme, 'readme.yaml');
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  });
});

test('a bidirectional override (a command shown other than it runs) is refused like a control character', () => {
  expect(errors(item(['      - { id: a, title: A, run: "echo \\u202egnp.exe", expect: { exitCode: 0 } }']))).toEqual([
    'c.yaml:9:33 sections[0].items[0].run: contains a bidirectional control character (U+202E): it reorders how the text is shown (a command would read other than what runs)',
  ]);
});

describe('variables written where they are not filled in', () => {
  const warnings = (fields: string): string[] => {
    const text = `${HEAD}variables: [{ name: state_dir, default: /tmp/s }]\nsections:\n  - id: s\n    title: S\n    kind: smoke\n    items:\n      - { id: a, title: A, ${fields} }\n`;
    return parseChecklistText(text, 'c.yaml').diagnostics.map(formatDiagnostic);
  };

  test('{{name}} in expect is searched for literally', () => {
    expect(warnings('run: "cat {{state_dir}}/f", expect: { contains: "{{state_dir}}" }')).toEqual([
      'c.yaml:10:76 warning sections[0].items[0].expect.contains: {{state_dir}} is not filled in here (only run, cwd and drill.inject take {{variables}}): the output is searched for the text "{{state_dir}}" as written',
    ]);
  });

  test('$name in a command is the shell\'s variable, unless the command sets it', () => {
    expect(warnings('run: "cat ${state_dir}/f", expect: { exitCode: 0 }')).toEqual([
      'c.yaml:10:33 warning sections[0].items[0].run: $state_dir is a shell variable, not the checklist variable state_dir: write {{state_dir}} to have it filled in',
    ]);
    expect(warnings('run: "state_dir=/x; cat $state_dir/f", expect: { exitCode: 0 }')).toEqual([]);
    expect(warnings('run: "for state_dir in a b; do echo $state_dir; done", expect: { exitCode: 0 }')).toEqual([]);
    expect(warnings('run: "cat $HOME/f", expect: { exitCode: 0 }')).toEqual([]);
  });
});

test('an unquoted {{placeholder}} (YAML reads "{" as a mapping) is told to be quoted, block or flow', () => {
  const quote = (key: string, column: number, line = 9): string =>
    `c.yaml:${line}:${column}: the value of "${key}" holds {{ticket}} outside quotes, and YAML reads "{" as the start of a mapping: put the whole value in double quotes`;
  expect(errors(item(['      - id: a', '        title: A', '        run: {{ticket}}/check', '        expect: { exitCode: 0 }']))).toEqual([quote('run', 9, 11)]);
  expect(errors(item(['      - id: a', '        title: A', '        run: {{ticket}}']))).toEqual([quote('run', 9, 11)]);
  expect(errors(item(['      - { id: a, title: A, run: echo > {{ticket}}/f }']))).toEqual([quote('run', 28)]);
  expect(errors(item(['      - { id: a, title: A, run: "echo {{ticket}}", expect: { exitCode: 0 } }']))).toEqual([]);
});

test('two swapped letters count as one slip: "fro" suggests "for", and "for: required" is not said as well', () => {
  expect(errors(item(['      - { id: a, title: A, run: "true", watch: { every: 1s, fro: 3s } }']))).toEqual([
    'c.yaml:9:61 sections[0].items[0].watch.fro: unknown key "fro" (did you mean "for"?)',
  ]);
});

test('a missing choice (a section\'s kind) lists what it may be', () => {
  expect(errors(`${HEAD}sections:\n  - { id: s, title: S }\n`)).toEqual([
    'c.yaml:5:5 sections[0].kind: required (one of: gates, smoke, triage, playbook, rollback, rollforward, timeline, signoff, steps)',
  ]);
});
