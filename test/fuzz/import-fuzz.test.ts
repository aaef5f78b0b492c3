// Markdown found by fuzzing `cutover import` that took tens of seconds (and over a GB) before it
// was refused: now refused by the cheap line scan before the markdown parser runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { importRunbook } from '../../src/domain/import/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/fuzz/${name}`, import.meta.url), 'utf8');

function refusal(text: string): { error: CutoverError; ms: number } {
  const start = performance.now();
  try {
    importRunbook(text, { source: 'x.md' });
  } catch (error) {
    expect(error).toBeInstanceOf(CutoverError);
    return { error: error as CutoverError, ms: performance.now() - start };
  }
  throw new Error('expected a refusal');
}

describe('lists nested on one line', () => {
  it('counts each marker as a level: `- - - … x` (70 deep here) is refused like 140 columns of indent', () => {
    const { error } = refusal(fixture('same-line-lists.md'));
    expect(error.message).toMatch(/^x\.md:3: a list nested 13\d columns deep; this does not look like a runbook/);
  });

  it('is refused at once when thousands deep (4,000 took 12 s, 20,000 over 20 s)', () => {
    for (const unit of ['- ', '1. ', '> - ', '-\t']) {
      const { error, ms } = refusal(`# T\n\n${unit.repeat(4000)}x\n`);
      expect(error.message).toMatch(/^x\.md:3: (a list nested \d+ columns|block quotes nested \d+) deep/);
      expect(ms).toBeLessThan(2000);
    }
  });

  it('leaves a rule (`- - -`, `* * *`) alone', () => {
    expect(importRunbook(fixture('thematic-breaks.md'), { source: 'rules.md' }).checklist.sections.length).toBeGreaterThan(0);
  });
});

describe('a runbook of tens of thousands of lines', () => {
  it('is refused before parsing (a 100,000-row table took 14 s and 1.3 GB)', () => {
    const { error, ms } = refusal(`|a|\n|-|\n${'|x|\n'.repeat(100_000)}`);
    expect(error.message).toBe('x.md:1: 100,002 lines of text (a runbook has hundreds; at most 20,000 are read); this does not look like a runbook');
    expect(error.hint).toBe('split it into one runbook per cutover, and import each');
    expect(ms).toBeLessThan(2000);
  });
});

describe('a long run of spaces inside a list entry', () => {
  // Regexes of the form /\s*X\s*/ rescanned the run from each of its positions: 80,000 spaces in one
  // entry took over 30 s (joining lines, finding a rule's arrow, splitting a role entry's title).
  it('imports in well under a second', () => {
    const text = fixture('long-space-runs.md').replaceAll('{{SPACES}}', ' '.repeat(100_000));
    const start = performance.now();
    const { checklist } = importRunbook(text, { source: 'spaces.md' });
    expect(performance.now() - start).toBeLessThan(3000);
    expect(checklist.sections.length).toBeGreaterThan(0);
  });

  it('joins lines as before', () => {
    const text = '# T\n\n## Steps\n\n1. Drain  the\n   replica \t\n\t now\n';
    const { checklist } = importRunbook(text, { source: 'j.md' });
    expect(JSON.stringify(checklist)).toContain('"title":"Drain the replica now"');
  });
});
