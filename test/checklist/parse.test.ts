import { describe, expect, test } from 'vitest';
import { parseChecklistText, type ParseResult } from '../../src/domain/checklist-parse.js';
import { formatDiagnostic } from '../../src/domain/diagnostic.js';

const MINIMAL = `id: mini
title: Mini
version: 1.10
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - id: health
        title: Health
        run: curl -fsS http://127.0.0.1/health
        expect: { exitCode: 0 }
`;

function errors(result: ParseResult): string[] {
  expect(result.ok).toBe(false);
  return result.diagnostics.map(formatDiagnostic);
}

describe('parseChecklistText', () => {
  test('a valid YAML checklist gets defaults filled and keeps its version as written', () => {
    const result = parseChecklistText(MINIMAL, 'mini.yaml');
    if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
    expect(result.diagnostics).toEqual([]);
    expect(result.checklist.version).toBe('1.10');
    expect(result.checklist.roles).toEqual([]);
    expect(result.checklist.severity).toEqual({ levels: [], rules: [] });
    expect(result.checklist.sections[0]?.items[0]).toMatchObject({ evidence: false, destructive: false });
  });

  test('anchors and merge keys work, and errors inside merged values are still located', () => {
    const text = `id: m
title: M
version: 1
x-defaults: &probe
  timeout: 10s
  expect: { exitCode: 0 }
sections:
  - id: s
    title: S
    kind: smoke
    items:
      - <<: *probe
        id: a
        title: A
        run: "true"
`;
    expect(errors(parseChecklistText(text, 'm.yaml'))).toEqual(['m.yaml:4:1 x-defaults: unknown key "x-defaults" (there are no x- extension keys; to share values, put the &anchor on the first item that uses them and merge it with <<: *anchor)']);
    const merged = parseChecklistText(text.replace('x-defaults: &probe\n  timeout: 10s\n  expect: { exitCode: 0 }\n', '').replace('      - <<: *probe\n', '      - &probe\n').concat('      - <<: *probe\n        id: b\n'), 'm.yaml');
    expect(merged.ok && merged.checklist.sections[0]?.items.map((i) => [i.id, i.run])).toEqual([['a', 'true'], ['b', 'true']]);
  });

  test('the same checklist in JSON parses to the same value', () => {
    const json = JSON.stringify({
      id: 'mini', title: 'Mini', version: '1.10',
      sections: [{ id: 'smoke', title: 'Smoke', kind: 'smoke', items: [{ id: 'health', title: 'Health', run: 'curl -fsS http://127.0.0.1/health', expect: { exitCode: 0 } }] }],
    }, null, 2);
    const fromJson = parseChecklistText(json, 'mini.json');
    const fromYaml = parseChecklistText(MINIMAL, 'mini.yaml');
    expect(fromJson.ok && fromYaml.ok && fromJson.checklist).toEqual(fromYaml.ok && fromYaml.checklist);
  });

  test('a BOM and CRLF line endings do not shift positions', () => {
    const text = `\uFEFF${MINIMAL.replace('timeout', '').replace('kind: smoke', 'kind: smoek')}`.replace(/\n/g, '\r\n');
    expect(errors(parseChecklistText(text, 'x.yaml'))).toEqual([
      'x.yaml:7:11 sections[0].kind: expected one of: gates, smoke, triage, playbook, rollback, rollforward, timeline, signoff, steps, got a string ("smoek") (did you mean "smoke"?)',
    ]);
  });

  test('zod messages are rewritten to read well', () => {
    const text = MINIMAL.replace('title: Health', 'title: 42\n        destructive: "yes"\n        timeout: 30\n        evidnce: true');
    expect(errors(parseChecklistText(text, 'x.yaml'))).toEqual([
      'x.yaml:10:16 sections[0].items[0].title: expected a string, got a number (42) (put it in quotes)',
      'x.yaml:11:22 sections[0].items[0].destructive: expected true or false, got a string ("yes")',
      'x.yaml:12:18 sections[0].items[0].timeout: expected a duration like 30s, 5m or 24h, got a number (30)',
      'x.yaml:13:9 sections[0].items[0].evidnce: unknown key "evidnce" (did you mean "evidence"?)',
    ]);
  });

  test('an unknown key far from any known one lists the allowed keys', () => {
    const text = MINIMAL.replace('    kind: smoke', '    kind: smoke\n    frobnicate: 1');
    const [line] = errors(parseChecklistText(text, 'x.yaml'));
    expect(line).toBe('x.yaml:8:5 sections[0].frobnicate: unknown key "frobnicate" (allowed: id, title, kind, description, requires, items)');
  });

  test('an empty value points at its key', () => {
    const text = MINIMAL.replace('title: Health', 'title:');
    expect(errors(parseChecklistText(text, 'x.yaml'))).toEqual(['x.yaml:10:9 sections[0].items[0].title: expected a string, got an empty value']);
  });

  test('schema errors in JSON are located too', () => {
    const json = '{\n  "id": "x",\n  "title": "X",\n  "version": 1,\n  "sections": [\n    { "id": "s", "title": "S", "kind": "smoke", "items": [ { "id": "i" } ] }\n  ]\n}\n';
    expect(errors(parseChecklistText(json, 'x.json'))).toEqual(['x.json:6:60 sections[0].items[0].title: required']);
  });

  test.each([
    ['empty', '', 'x.yaml:1:1: the file is empty'],
    ['only whitespace', '  \n\n', 'x.yaml:1:1: the file is empty'],
    ['a list', '- a\n', 'x.yaml:1:1: expected a mapping with id, title, version and sections at the top, got a list'],
    ['a number', '42\n', 'x.yaml:1:1: expected a mapping with id, title, version and sections at the top, got a number (42)'],
    ['a NUL byte', 'id: x\n\0', 'x.yaml:2:1: contains a NUL byte'],
    ['a control character', 'id: x\u0007\n', 'x.yaml:1:6: contains a control character (U+0007)'],
    ['an undefined alias', 'id: *nothing\n', 'x.yaml:1:5: '],
  ])('%s gives one located line', (_name, text, start) => {
    const lines = errors(parseChecklistText(text, 'x.yaml'));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(start), lines[0]).toBe(true);
  });

  test.each([
    ['a trailing comma', '{"id": "x",\n}', 'x.json:2:1: expected a property name in double quotes, found \'}\' (a trailing comma?)'],
    ['single quotes', "{'id': 1}", 'x.json:1:2: expected a property name in double quotes'],
    ['a missing comma', '{"id": "x"\n "title": "y"}', 'x.json:2:2: expected "," or "}", found \'"\''],
    ['an unterminated string', '{"id": "x\n}', 'x.json:1:10: unterminated string'],
    ['a bare word', '{"id": nope}', "x.json:1:8: expected a value, found 'n'"],
    ['text after the value', '{}\n{}', "x.json:2:1: unexpected '{' after the end of the JSON value"],
    ['a list', '[]', 'x.json:1:1: expected a JSON object with id, title, version and sections at the top, got a list'],
  ])('invalid JSON (%s) reports line:column', (_name, text, start) => {
    const lines = errors(parseChecklistText(text, 'x.json'));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(start), lines[0]).toBe(true);
  });

  test('deep nesting, JSON comments and non-ASCII ids get a plain reason', () => {
    const deep = `id: d\ntitle: D\nversion: 1\nsections:\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}`;
    expect(errors(parseChecklistText(deep, 'deep.yaml'))[0]).toMatch(/^deep\.yaml:\d+:\d+: nested too deeply for a checklist$/);
    expect(errors(parseChecklistText(`id: d\ntitle: D\nversion: 1\nsections: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'flow.yaml'))[0]).toMatch(/nested too deeply/);
    const commented = '{\n  // the payments checklist\n  "id": "p", "title": "P", "version": 1, "sections": []\n}\n';
    expect(errors(parseChecklistText(commented, 'c.json'))).toEqual(['c.json:2:3: JSON has no comments: remove them, or write the checklist in YAML (.yaml), where # starts a comment']);
    expect(errors(parseChecklistText(MINIMAL.replace('id: health', 'id: vérifier'), 'u.yaml'))).toEqual([
      'u.yaml:9:13 sections[0].items[0].id: expected an id of letters, digits, ".", "_" or "-" (no spaces), got a string ("vérifier") (only ASCII letters: "verifier"?)',
    ]);
  });

  test('pathological input never throws', () => {
    const inputs = [
      '['.repeat(100_000),
      `${'a: &a [x]\n'}${Array.from({ length: 12 }, (_, i) => `l${i}: &l${i} [${Array(9).fill(i ? `*l${i - 1}` : '*a').join(',')}]`).join('\n')}\n`,
      '!!binary AAAA',
      '? [a, b]\n: c\n',
      '__proto__: { polluted: true }\n',
      Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)).toString('utf8'),
    ];
    for (const text of inputs) {
      for (const file of ['x.yaml', 'x.json']) {
        const result = parseChecklistText(text, file);
        expect(result.ok).toBe(false);
        expect(result.diagnostics.length).toBeGreaterThan(0);
        for (const line of result.diagnostics.map(formatDiagnostic)) expect(line).not.toContain('\n');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
