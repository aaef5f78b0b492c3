// Markdown that would take the parser minutes: the inline parser is quadratic in the emphasis,
// link and code markers of one paragraph, and block nesting is quadratic in its depth. No runbook
// comes near these bounds; a log or generated file pasted whole does, and gets one clear line.
import { CutoverError, EXIT } from '../errors.js';
import { findOversize, MAX_VALUES } from '../text-checks.js';

/** Σ (markers per paragraph)²: about two seconds of parsing at the bound. */
const MARKUP_BUDGET = 4000 * 4000;
const MAX_QUOTE_DEPTH = 32;
const MAX_LIST_INDENT = 120;

const MARKER = /[*_[\]`~<]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTES = /^(?: {0,3}>)+/;
const LIST_MARKER = /^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
// A line that starts a block of its own: its inline text is parsed apart from the line before.
const BLOCK_START = /^\s*(?:[-*+]\s|\d{1,9}[.)]\s|\||#|>)/;

function refuse(source: string, line: number, what: string): CutoverError {
  return new CutoverError(`${source}:${line}: ${what}; this does not look like a runbook`, EXIT.failed, 'put machine output or generated text in a ``` code block, or import the runbook without it');
}

export function checkImportable(text: string, source: string): void {
  const lines = text.split('\n');
  let fence: string | undefined;
  let cost = 0;
  let unit = { line: 0, markers: 0 };
  let worst = unit;
  const close = (): void => {
    cost += unit.markers * unit.markers;
    if (unit.markers > worst.markers) worst = unit;
  };
  lines.forEach((line, index) => {
    const open = FENCE.exec(line)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length && !line.slice(line.indexOf(open) + open.length).trim()) fence = undefined;
      return;
    }
    if (open) {
      fence = open;
      return;
    }
    const quotes = QUOTES.exec(line)?.[0].split('>').length ?? 1;
    if (quotes - 1 > MAX_QUOTE_DEPTH) throw refuse(source, index + 1, `block quotes nested ${quotes - 1} deep`);
    const indent = LIST_MARKER.exec(line.replace(QUOTES, ''))?.[1]?.replace(/\t/g, '    ').length ?? 0;
    if (indent > MAX_LIST_INDENT) throw refuse(source, index + 1, `a list nested ${indent} columns deep`);
    if (!line.trim() || BLOCK_START.test(line)) {
      close();
      unit = { line: 0, markers: 0 };
    }
    if (line.trim() && !unit.line) unit.line = index + 1;
    unit.markers += line.match(MARKER)?.length ?? 0;
  });
  close();
  if (cost > MARKUP_BUDGET) {
    const where = worst.markers * worst.markers > MARKUP_BUDGET ? 'in one paragraph' : 'in this paragraph, and as much in many others';
    throw refuse(source, worst.line, `too much markup to parse in reasonable time (${worst.markers} of * _ [ ] \` ~ < ${where})`);
  }
}

/**
 * The checklist a runbook imports as must be one `cutover validate` accepts: a runbook with tens
 * of thousands of steps is refused before anything is written, not written and then called a bug.
 */
export function refuseOversizeChecklist(checklistText: string, source: string): void {
  const problem = findOversize(checklistText);
  if (!problem) return;
  const what = problem.code === 'too-many-values' ? `is too big for one checklist (it would hold over ${MAX_VALUES.toLocaleString('en')} values, lines and list entries)` : 'is nested too deeply for a checklist';
  throw new CutoverError(`${source} ${what}: nothing was written`, EXIT.failed, 'split it into one runbook per cutover, and import each');
}
