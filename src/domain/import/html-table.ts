// A simple HTML <table> written into markdown (PagerDuty's severity levels, Confluence exports) as
// the same rows a markdown table gives: header cells from <thead> or the first row of <th>, body
// cells as text with tags stripped, one line per paragraph, list entry or <br>. A table without a
// header row, or with a table inside, is not read. rowspan and colspan are not laid out.
import type { PhrasingContent } from 'mdast';
import { htmlText } from './block-text.js';
import type { Cell, TableData } from './tables.js';

const TABLE = /<table\b[^>]*>([\s\S]*?)<\/table\s*>/i;
const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tr\s*>|<\/?t(?:head|body|foot)\b|$)/gi;
const CELL = /<(t[hd])\b[^>]*>([\s\S]*?)(?=<t[hd]\b|<\/t[hd]\s*>|$)/gi;
const LINE_BREAK = /<br\s*\/?>|<\/?(?:p|li|ul|ol|div|h[1-6]|pre|blockquote)\b[^>]*>/gi;
/** Bounds on what is read: a page is not a spreadsheet. */
const MAX_ROWS = 500;
const MAX_CELLS = 50;

function cellOf(html: string): Cell {
  const text = html
    .replace(/<code\b[^>]*>([\s\S]*?)<\/code\s*>/gi, (_, code: string) => `\`${htmlText(code)}\``)
    .split(LINE_BREAK)
    .map(htmlText)
    .filter(Boolean)
    .join('\n')
    .replace(/ ([.,;:!?])(?=\s|$)/g, '$1');
  // `<code>` parts as code spans, as a markdown cell's: a command column reads them as commands.
  const nodes = text.split(/`([^`\n]+)`/).flatMap((part, i): PhrasingContent[] => {
    if (i % 2) return [{ type: 'inlineCode', value: part }];
    return part ? [{ type: 'text', value: part }] : [];
  });
  return { text, nodes };
}

/** An HTML block without its first table: the headings, lists and text around it, as written. */
export function htmlAroundTable(html: string): string {
  const table = TABLE.exec(html);
  return table ? `${html.slice(0, table.index).trimEnd()}\n${html.slice(table.index + table[0].length).trimStart()}`.trim() : html;
}

/** The rows of the first HTML table in `html`, or undefined when there is none (or no rows). */
export function htmlTableData(html: string): TableData | undefined {
  const table = TABLE.exec(html)?.[1];
  if (table === undefined || /<table\b/i.test(table)) return undefined;
  const rows: Array<{ header: boolean; cells: Cell[] }> = [];
  for (const row of table.matchAll(ROW)) {
    if (rows.length >= MAX_ROWS) break;
    const cells = [...(row[1] ?? '').matchAll(CELL)].slice(0, MAX_CELLS);
    if (cells.length) rows.push({ header: cells.every((c) => c[1]?.toLowerCase() === 'th'), cells: cells.map((c) => cellOf(c[2] ?? '')) });
  }
  // Columns are read by their header words: a table without a header row says nothing to read.
  const head = rows[0];
  if (!head || !(head.header || /<thead\b/i.test(table))) return undefined;
  return { headers: head.cells.map((c) => c.text.replace(/\s+/g, ' ')), rows: rows.slice(1).map((r) => r.cells) };
}
