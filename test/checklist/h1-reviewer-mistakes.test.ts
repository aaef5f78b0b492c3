// Mistakes an outside reviewer made writing real checklists by hand: a `#` that YAML reads as a
// comment, a comma inside { }, a value quoted only in part, an empty gates section, a {{variable}}
// in a title, a secret with a default. Each is named at file:line:column with what to change.
import { describe, expect, test } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import { formatDiagnostic } from '../../src/domain/diagnostic.js';

const diagnostics = (text: string, severity: 'error' | 'warning'): string[] =>
  parseChecklistText(text, 'c.yaml').diagnostics.filter((d) => d.severity === severity).map(formatDiagnostic);
const errors = (text: string): string[] => diagnostics(text, 'error');
const warnings = (text: string): string[] => diagnostics(text, 'warning');

const HEAD = 'id: c\ntitle: C\nversion: 1\n';
const items = (lines: string[], kind = 'steps'): string => `${HEAD}sections:\n  - id: s\n    title: S\n    kind: ${kind}\n    items:\n${lines.join('\n')}\n`;

describe('a # after a space starts a YAML comment, even inside a value', () => {
  test('a title cut short is a warning that says what YAML kept', () => {
    expect(warnings(items(['      - id: a', '        title: Announce rollback in #incidents']))).toEqual([
      'c.yaml:10:37 warning sections[0].items[0].title: "#incidents" is a YAML comment (a # after a space starts one), so "title" is "Announce rollback in": put the whole value in quotes to keep it',
    ]);
  });

  test('a comment that empties a value is named beside the error it causes', () => {
    expect(errors(`${HEAD}roles:\n  - id: sre\n    title: SRE\n    contact: #sre-oncall\nsections:\n  - { id: s, title: S, kind: steps, items: [{ id: a, title: A }] }\n`)).toEqual([
      'c.yaml:7:5 roles[0].contact: expected a string, got an empty value ("#sre-oncall" on this line is a YAML comment, not the value: put the value in quotes)',
    ]);
  });

  test('a comment that hides the closing brace of { } is the error, not the brace YAML then misses', () => {
    expect(errors(items(['      - { id: a, title: A, run: "echo issue 123", expect: { contains: issue #123 } }']))).toEqual([
      'c.yaml:9:77: "#123 } }" is a YAML comment (a # after a space starts one), and it hides the rest of the line, with the closing bracket of its { } or [ ]: put the value of "contains" in quotes',
    ]);
  });

  test('comments written as comments, in commands and after ids, are left alone', () => {
    expect(warnings(items(['      - id: a #first step', '        title: "Post in #ops"', '        run: echo ok #not for the shell either', '        expect: { exitCode: 0 } # comment']))).toEqual([]);
  });
});

test('a comma inside { } ends the value before it: the unknown key says so', () => {
  expect(errors(items(['      - { id: a, title: Latency under 1s (fails, times out), run: "true" }']))).toEqual([
    'c.yaml:9:50 sections[0].items[0]["times out)"]: unknown key "times out)": inside { }, a comma ends a value, so title is "Latency under 1s (fails" and the words after the comma were read as a key: put the whole title in quotes',
  ]);
});

test('text after the closing quote of a value', () => {
  expect(errors(items(['      - id: a', '        title: A', '        run: "{{ticket}}"/check']))).toEqual([
    'c.yaml:11:26: text after the closing quote of the value of "run": put the whole value in one pair of quotes',
  ]);
});

describe('warnings on a valid checklist', () => {
  test('a gates section, or any section, with no items', () => {
    const text = `${HEAD}sections:\n  - id: gates\n    title: Gates\n    kind: gates\n    items: []\n  - id: notes\n    title: Notes\n    kind: steps\n    description: Only text here.\n  - id: empty\n    title: Empty\n    kind: steps\n`;
    expect(warnings(text)).toEqual([
      'c.yaml:8:12 warning sections[0].items: the gates section "gates" has no items: no gate is checked, so "every gate passed" would hold on nothing',
      'c.yaml:13:5 warning sections[2].items: the steps section "empty" has no items: it shows empty and does nothing',
    ]);
  });

  test('a {{variable}} in a section or item title is shown as written', () => {
    const text = `${HEAD}variables:\n  - name: pct\nsections:\n  - id: s\n    title: Roll out {{pct}}%\n    kind: steps\n    items:\n      - { id: a, title: "Set {{pct}}%", run: "echo {{pct}}" }\n`;
    expect(warnings(text)).toEqual([
      'c.yaml:8:12 warning sections[0].title: {{pct}} in a title is shown as written, not filled in (only run, cwd and drill.inject take {{variables}})',
      'c.yaml:11:25 warning sections[0].items[0].title: {{pct}} in a title is shown as written, not filled in (only run, cwd and drill.inject take {{variables}})',
    ]);
  });

  test('a secret variable with a default writes the secret into the checklist', () => {
    const text = `${HEAD}variables:\n  - { name: db_password, secret: true, default: hunter2 }\nsections:\n  - id: s\n    title: S\n    kind: steps\n    items: [{ id: a, title: A, run: "echo {{db_password}}" }]\n`;
    expect(warnings(text)).toEqual([
      'c.yaml:5:49 warning variables[0].default: the secret variable db_password has a default, so the secret is written into the checklist: leave default out and give it with --var db_password (read from $db_password) or at the prompt',
    ]);
  });
});

test('a # inside a | block or a quoted value is text, not a comment', () => {
  const text = items(['      - id: a', '        title: "Post in #ops"', '        description: |', '          Steps:', '          - ping #ops', '          title: see #123']);
  expect(warnings(text)).toEqual([]);
});

test('a timeout on an item without run: one field, one verb', () => {
  expect(warnings(items(['      - id: a', '        title: A', '        timeout: 5s']))).toEqual([
    'c.yaml:11:18 warning sections[0].items[0].timeout: timeout only applies to a command, and this item has no run',
  ]);
});

test('a tab before a key names that key', () => {
  expect(errors(items(['      - id: a', '\ttitle: A']))).toEqual([
    'c.yaml:10:1: a tab is used for indentation before "title"; YAML needs spaces: replace the tab with spaces',
  ]);
});

test('a line of a | block indented one space less ends the block: said in those words', () => {
  expect(errors(items(['      - id: a', '        title: A', '        run: |', '          echo a', '         echo b']))).toEqual([
    'c.yaml:13:10: this line is at column 10, left of the | block of "run" above it (column 11), so the block ends before it: indent it like the block\'s first line',
  ]);
});
