// Nothing is silently dropped: every line of every seed and fixture, reduced to its words, is found
// in the imported YAML (runs of three words at a time, so a line cannot pass on scattered words).
// Markdown syntax, HTML tags, Hugo shortcodes, table headers, list markers, row numbers and
// placeholder cells (_TBD_) carry no content. A line is checked piece by piece where the importer rightly splits it into fields:
// table cells, link text / target, "label: value", `a`, `b` lists and <br>-separated parts of a cell.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/domain/import/mojibake.js';
import { fixturesDir, importText, publicDir, seedsDir } from './helpers.js';

// "Expected:" is the label of the expect field; its text is the field's description. [[_TOC_]] /
// [TOC] only says where a renderer draws a table of contents.
const NO_CONTENT = /^(?:tbd|todo|n a|\d+|expected|toc)$/;

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The pieces of a markdown line that must each be found: table cells, link text and link target. */
function segments(lines: string[], index: number): string[] {
  const line = lines[index] as string;
  const next = lines[index + 1] ?? '';
  if (/^\s*(?:```|~~~)/.test(line) || /^\s*\|?[\s:|-]*-{3,}[\s:|-]*$/.test(line)) return [];
  if (/^\s*\|/.test(line) && /^\s*\|?[\s:|-]*-{3,}/.test(next)) return []; // a table header
  if (/^\s*\{\{[<%].*[%>]\}\}\s*$/.test(line)) return []; // a Hugo shortcode: markup for the renderer
  // Emphasis markers and HTML entities (&nbsp;, &mdash;) are syntax, not words.
  const bare = line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/\*\*|__/g, '')
    .replace(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi, ' ');
  return bare.split(/(?<!\\)\||\]\(|<br\s*\/?>|:\s|`,\s*`/i);
}

function missingLines(markdown: string, yaml: string): string[] {
  const haystack = ` ${words(yaml).join(' ')} `;
  const lines = repairMojibake(markdown.replace(/\r\n?/g, '\n')).text.split('\n');
  const missing: string[] = [];
  lines.forEach((line, i) => {
    for (const segment of segments(lines, i)) {
      // HTML kept as written, or read into fields (a <table>): its tags are syntax either way.
      const found = [segment, segment.replace(/<\/?[a-z][^>]*>/gi, ' ')].some((text) => {
        const w = words(text);
        if (!w.length || NO_CONTENT.test(w.join(' '))) return true;
        const runs = w.length < 3 ? [w] : w.slice(0, -2).map((_, j) => w.slice(j, j + 3));
        return runs.every((run) => haystack.includes(` ${run.join(' ')} `));
      });
      if (!found) missing.push(`line ${i + 1}: ${line.trim()}`);
    }
  });
  return missing;
}

const files = [
  ...readdirSync(seedsDir).map((f) => join(seedsDir, f)),
  ...readdirSync(fixturesDir).filter((f) => f.endsWith('.md')).map((f) => join(fixturesDir, f)),
  ...readdirSync(publicDir).map((f) => join(publicDir, f)),
];

describe('nothing is silently dropped', () => {
  it.each(files)('%s', (file) => {
    const markdown = readFileSync(file, 'utf8');
    const { yaml } = importText(markdown, file.split('/').pop());
    expect(missingLines(markdown, yaml)).toEqual([]);
  });

  it('the check itself fails when a line is missing', () => {
    const yaml = importText('# T\n\n- keep this line\n').yaml;
    expect(missingLines('# T\n\n- keep this line\n- but not this one\n', yaml)).toEqual(['line 4: - but not this one']);
  });
});
