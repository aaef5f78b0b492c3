// Markdown that would take the parser minutes: the inline parser is quadratic in the emphasis,
// link and code markers of one paragraph, and block nesting is quadratic in its depth. No runbook
// comes near these bounds; a log or generated file pasted whole does, and gets one clear line.
import { CutoverError, EXIT } from '../errors.js';
import { findOversize, MAX_VALUES } from '../text-checks.js';

/** Σ (markers per paragraph)²: about two seconds of parsing at the bound. */
const MARKUP_BUDGET = 4000 * 4000;
const MAX_QUOTE_DEPTH = 32;
const MAX_LIST_INDENT = 120;
// The markdown parser takes ~0.2 ms and ~15 KB a line (100,000 table rows: 14 s and 1.3 GB, only to
// be refused as too big afterwards). The longest runbook seen has ~300 lines.
const MAX_LINES = 20_000;

const MARKER = /[*_[\]`~<]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A line that starts a block of its own: its inline text is parsed apart from the line before.
const BLOCK_START = /^\s*(?:[-*+]\s|\d{1,9}[.)]\s|\||#|>)/;

const SPLIT_HINT = 'split it into one runbook per cutover, and import each';

function refuse(source: string, line: number, what: string, hint = 'put machine output or generated text in a ``` code block, or import the runbook without it'): CutoverError {
  return new CutoverError(`${source}:${line}: ${what}; this does not look like a runbook`, EXIT.failed, hint);
}

// One container marker at the start of a line: `>`, or a list marker followed by a space or the end.
const CONTAINER_MARKER = /[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/y;
// `- - -` or `* * *` alone on a line is a rule, not three lists.
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The block quotes a line opens, and the column (tabs as 4) of its innermost list marker, counting
 * the markers before it on the same line: `- - - - x` nests four lists as surely as indentation does.
 */
function containerNesting(line: string): { quotes: number; listIndent: number } {
  if (THEMATIC_BREAK.test(line)) return { quotes: 0, listIndent: 0 };
  let quotes = 0;
  let listIndent = 0;
  let width = 0;
  CONTAINER_MARKER.lastIndex = 0;
  for (let match = CONTAINER_MARKER.exec(line); match; match = CONTAINER_MARKER.exec(line)) {
    const marker = match[0].replace(/\t/g, '    ');
    const markerText = marker.trimStart();
    if (markerText === '>') quotes++;
    else listIndent = width + marker.length - markerText.length;
    width += marker.length;
  }
  return { quotes, listIndent };
}

export function checkImportable(text: string, source: string): void {
  const lines = text.split('\n');
  const nonBlank = lines.reduce((count, line) => (line.trim() ? count + 1 : count), 0);
  if (nonBlank > MAX_LINES) throw refuse(source, 1, `${nonBlank.toLocaleString('en')} lines of text (a runbook has hundreds; at most ${MAX_LINES.toLocaleString('en')} are read)`, SPLIT_HINT);
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
    const nesting = containerNesting(line);
    if (nesting.quotes > MAX_QUOTE_DEPTH) throw refuse(source, index + 1, `block quotes nested ${nesting.quotes} deep`);
    if (nesting.listIndent > MAX_LIST_INDENT) throw refuse(source, index + 1, `a list nested ${nesting.listIndent} columns deep`);
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
  throw new CutoverError(`${source} ${what}: nothing was written`, EXIT.failed, SPLIT_HINT);
}
