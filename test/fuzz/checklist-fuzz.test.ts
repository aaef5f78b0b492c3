// Checklist text found by fuzzing `cutover validate` that took tens of seconds (and hundreds of MB).
// The inputs are generated from small templates in test/fixtures/fuzz/: their size is the point.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/fuzz/${name}`, import.meta.url), 'utf8');
const timed = <T>(work: () => T): { result: T; ms: number } => {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
};

describe('a flood of YAML nodes without separators', () => {
  // `&a &a &a …` in a flow list: the YAML parser records one error object per anchor (1 MB: 12 s, 570 MB).
  const floods: Array<[string, string]> = [['anchors', '&a '], ['adjacent quoted scalars', '""'], ['? keys', '? '], ['tags', '!t ']];
  for (const [name, unit] of floods) {
    it(`is refused before the YAML parse: ${name}`, () => {
      const text = `${fixture('anchor-flood.yaml.head')}${unit.repeat(300_000)}]\n`;
      const { result, ms } = timed(() => parseChecklistText(text, 'flood.yaml'));
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'too-many-values', line: 6, message: expect.stringMatching(/^too big for a checklist: over 200,000 quotes, anchors/) })]);
      expect(ms).toBeLessThan(2000);
    });
  }

  it('still parses JSON, where every value needs a comma or colon anyway', () => {
    const values = Array.from({ length: 30_000 }, (_, i) => `"v${i}"`);
    const text = JSON.stringify({ id: 'j', title: 'J', version: 1, sections: [], extra: values });
    expect(parseChecklistText(text.replace('"extra":', '"description":'), 'big.json').diagnostics.some((d) => d.code === 'too-many-values')).toBe(false);
  });
});

describe('a command with one very long word', () => {
  it('is linted in well under a second (the credential pattern was quadratic: 80 KB took 20 s)', () => {
    const text = fixture('long-run-word.yaml').replace('{{WORD}}', 'a'.repeat(80_000));
    const { result, ms } = timed(() => parseChecklistText(text, 'long.yaml'));
    expect(result.ok).toBe(true);
    expect(ms).toBeLessThan(3000);
    // the lint still sees what a short command holds
    expect(result.diagnostics.filter((d) => d.code === 'credential').map((d) => d.path)).toEqual(['sections[0].items[1].run']);
  });

  it('stays fast for a long run of words the never-exits and destructive shapes look for', () => {
    for (const word of [' kubectl', ' git', ' tail']) {
      const text = fixture('long-run-word.yaml').replace('{{WORD}}', word.repeat(10_000));
      expect(timed(() => parseChecklistText(text, 'long.yaml')).ms).toBeLessThan(1500);
    }
  });
});
