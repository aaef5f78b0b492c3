// The quick path (no YAML parser, no positions) must agree with the full parse on every checklist
// it accepts, and step aside for everything else so that messages come from the full parse.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseChecklistLocated, parseChecklistText } from '../../src/domain/checklist-parse.js';
import { quickParseChecklist } from '../../src/domain/checklist-quick.js';

const VALID_DIRS = ['checklists', 'test/fixtures/headless', 'test/fixtures/session', 'test/fixtures/ui'];

function validChecklists(): Array<{ name: string; data: Record<string, unknown> }> {
  const found: Array<{ name: string; data: Record<string, unknown> }> = [];
  for (const dir of VALID_DIRS) {
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      const text = readFileSync(join(dir, name), 'utf8');
      if (!parseChecklistLocated(text, name).ok) continue;
      const data = parseYaml(text, { merge: true }) as Record<string, unknown>;
      found.push({ name: `${dir}/${name}`, data: { ...data, version: String(data.version) } });
    }
  }
  return found;
}

/** The same JSON laid out the ways people and tools write it. */
const LAYOUTS: Record<string, (data: unknown) => string> = {
  minified: (data) => JSON.stringify(data),
  indent1: (data) => `${JSON.stringify(data, null, 1)}\n`,
  indent2: (data) => `${JSON.stringify(data, null, 2)}\n`,
  'flush left': (data) => JSON.stringify(data, null, 2).replace(/^ +/gm, ''),
  'spaces around colons': (data) => JSON.stringify(data, null, 4).replace(/": /g, '" : '),
};

describe('quick parse of JSON checklists', () => {
  const checklists = validChecklists();

  test('finds the valid checklists to compare', () => {
    expect(checklists.length).toBeGreaterThan(5);
  });

  test.each(Object.keys(LAYOUTS))('%s JSON, as .json and as .yaml, gives exactly what the full parse gives', (layout) => {
    for (const { name, data } of checklists) {
      const text = (LAYOUTS[layout] as (data: unknown) => string)(data);
      for (const file of ['c.json', 'c.yaml']) {
        const full = parseChecklistLocated(text, file);
        if (!full.ok) throw new Error(`${name} (${layout}, ${file}): ${full.diagnostics[0]?.message}`);
        expect(quickParseChecklist(text, file), `${name} (${layout}, ${file})`).toEqual(full.checklist);
        const viaText = parseChecklistText(text, file);
        expect(viaText).toEqual(full);
      }
    }
  });

  const base = { id: 'x', title: 'X', version: '1', sections: [{ id: 's', title: 'S', kind: 'steps', items: [{ id: 'a', title: 'A' }] }] };
  const json = JSON.stringify(base, null, 2);

  test('accepts a plain valid JSON checklist', () => {
    expect(quickParseChecklist(json, 'x.yaml')?.id).toBe('x');
    expect(quickParseChecklist(`\uFEFF${json}`, 'x.json')?.id).toBe('x');
  });

  test.each([
    ['YAML proper', 'id: x\ntitle: X\n', 'x.yaml'],
    ['a duplicate key', json.replace('"id": "x",', '"id": "x", "id": "y",'), 'x.json'],
    ['a duplicate key spelled with an escape', json.replace('"id": "x",', '"id": "x", "\\u0069d": "y",'), 'x.yaml'],
    ['a YAML merge key', json.replace('"id": "a"', '"<<": {}, "id": "a"'), 'x.yaml'],
    ['a numeric version in YAML (kept as written there)', json.replace('"version": "1"', '"version": 1.10'), 'x.yaml'],
    ['a tab', json.replace('\n  "title"', '\n\t"title"'), 'x.yaml'],
    ['CRLF line ends in YAML', json.replace(/\n/g, '\r\n'), 'x.yaml'],
    ['a control character', json.replace('"X"', '"X\u007f"'), 'x.json'],
    ['invalid UTF-8', json.replace('"X"', '"X\uFFFD"'), 'x.json'],
    ['a schema error', json.replace('"steps"', '"stepz"'), 'x.json'],
    ['a reference error', json.replace('"title": "A"', '"title": "A", "owner": "nobody"'), 'x.json'],
    ['a syntax error', json.replace('"S",', '"S"'), 'x.json'],
    ['an array', '[]', 'x.json'],
  ])('steps aside for %s', (_what, text, file) => {
    expect(quickParseChecklist(text, file)).toBeUndefined();
  });

  test('a numeric version is fine in .json, where JSON decides', () => {
    expect(quickParseChecklist(json.replace('"version": "1"', '"version": 1.10'), 'x.json')?.version).toBe('1.1');
  });

  test('with warnings to locate, parseChecklistText still gives them with positions', () => {
    const warned = JSON.stringify({ ...base, sections: [{ id: 's', title: 'S', kind: 'smoke', items: [{ id: 'a', title: 'A', run: 'true' }] }] }, null, 2);
    const result = parseChecklistText(warned, 'w.json');
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['14:18 no-expect']);
  });
});
