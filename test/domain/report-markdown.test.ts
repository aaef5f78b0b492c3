// Free text in the report is escaped just enough: never markup, yet readable as plain text.
import { describe, expect, it } from 'vitest';
import { cell, text } from '../../src/domain/report-markdown.js';

describe('report text escaping', () => {
  it('leaves arrows, snake_case and paths as typed', () => {
    expect(text('a failed smoke check => hold')).toBe('a failed smoke check => hold');
    expect(text('p95 > 800ms on api_gateway /var/log/app_1')).toBe('p95 > 800ms on api_gateway /var/log/app_1');
  });

  it('escapes what would become markup: HTML, emphasis, code, links, quotes, headings, lists', () => {
    expect(text('<script> *bold* `x` [link](u) _em_')).toBe('\\<script> \\*bold\\* \\`x\\` \\[link\\](u) \\_em\\_');
    expect(text('> not a quote')).toBe('\\> not a quote');
    expect(text('# not a heading\n- not a list\n1. not ordered')).toBe('\\# not a heading  \n\\- not a list  \n1\\. not ordered');
  });

  it('keeps a table cell in its cell', () => {
    expect(cell('a | b\nc')).toBe('a \\| b<br>c');
  });
});
