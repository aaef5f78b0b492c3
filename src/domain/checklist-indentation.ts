// The YAML parser's indentation errors ("all mapping items must start at the same column",
// "sequence item without - indicator", "nested mappings are not allowed in compact mappings") in
// the author's terms: which key or "-" is out of line, at which column, against which line.

interface LineShape {
  /** Offset of the line's first character in the source. */
  start: number;
  /** 1-based column of the line's "-", when it starts a list item. */
  dash?: number;
  key?: string;
  /** 1-based column of the key (after the "-", if any). */
  keyColumn: number;
  /** The text after `key:` on the same line, trimmed. */
  value: string;
  /** Spaces before the line's first character. */
  indent: number;
}

function shapeOf(line: string, start: number): LineShape {
  const indent = /^ */.exec(line)?.[0].length ?? 0;
  const dash = /^-(?: +|$)/.exec(line.slice(indent))?.[0];
  const keyColumn = indent + 1 + (dash?.length ?? 0);
  const keyed = /^["']?([A-Za-z0-9_$.-]+)["']?\s*:(?:\s|$)(.*)$/.exec(line.slice(keyColumn - 1));
  return { start, dash: dash === undefined ? undefined : indent + 1, key: keyed?.[1], keyColumn, value: keyed?.[2]?.trim() ?? '', indent };
}

/** The content lines of `source` (no blank or comment-only lines), each with its shape. */
function contentLines(source: string): LineShape[] {
  const out: LineShape[] = [];
  let start = 0;
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) out.push(shapeOf(line, start));
    start += raw.length + 1;
  }
  return out;
}

export interface IndentationProblem {
  offset: number;
  message: string;
}

const keyAt = (line: LineShape): number => line.start + line.keyColumn - 1;

/** `lower` is indented under `upper`, whose value is already on its line: YAML reads it as more of that value. */
function deeperUnderValue(upper: LineShape, lower: LineShape): IndentationProblem | undefined {
  if (upper.key === undefined || lower.key === undefined || upper.value === '' || lower.dash !== undefined || lower.keyColumn <= upper.keyColumn) return undefined;
  return {
    offset: keyAt(lower),
    message: `"${lower.key}" is at column ${lower.keyColumn}, deeper than "${upper.key}" above it (column ${upper.keyColumn}), so it reads as part of ${upper.key}'s value: line it up with "${upper.key}"`,
  };
}

/** Two siblings that do not line up. */
function misaligned(before: LineShape, here: LineShape): IndentationProblem | undefined {
  if (here.dash !== undefined && before.dash !== undefined && here.dash !== before.dash) {
    return {
      offset: here.start + here.dash - 1,
      message: `this "-" is at column ${here.dash} but the one above it is at column ${before.dash}: the items of one list start at the same column (check the indentation)`,
    };
  }
  if (here.key === undefined || before.key === undefined || here.dash !== undefined || here.keyColumn === before.keyColumn) return undefined;
  return {
    offset: keyAt(here),
    message: `"${here.key}" is at column ${here.keyColumn} but "${before.key}" above it is at column ${before.keyColumn}: the keys of one mapping start at the same column (check the indentation)`,
  };
}

/** A located, worded problem for the YAML error `code` at `offset`, or undefined when the lines do not show one. */
export function indentationProblem(source: string, offset: number, code: string): IndentationProblem | undefined {
  const lines = contentLines(source);
  let index = lines.findIndex((line) => line.start > offset) - 1;
  if (index < -1) index = lines.length - 1;
  const here = lines[index];
  if (here === undefined) return undefined;
  const ended = endedBlock(lines, index);
  if (ended) return ended;
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') {
    // The line to line up with: the nearest one above, past lines nested deeper (a nested mapping's keys).
    const before = lines.slice(0, index).reverse().find((line) => line.keyColumn <= here.keyColumn + 2);
    return before && misaligned(before, here);
  }
  const above = lines[index - 1];
  const below = lines[index + 1];
  const deeper = (above && deeperUnderValue(above, here)) ?? (below && deeperUnderValue(here, below));
  if (deeper) return deeper;
  if (here.key !== undefined && /:\s/.test(here.value) && !/^["'[{|>]/.test(here.value)) {
    return { offset: keyAt(here), message: `the value of "${here.key}" contains ": ", which YAML reads as another key: put the value in quotes` };
  }
  return undefined;
}

const BLOCK_SCALAR = /^[|>][+-]?\d*$/;

/**
 * `run: |` then `  echo a` and ` echo b` one space less: the block ends before the line indented
 * less than its first line, and YAML then reads that line as something else.
 */
function endedBlock(lines: LineShape[], index: number): IndentationProblem | undefined {
  const here = lines[index] as LineShape;
  for (let i = index - 1; i >= 0; i--) {
    const owner = lines[i] as LineShape;
    const first = lines[i + 1] as LineShape;
    if (owner.key === undefined || !BLOCK_SCALAR.test(owner.value)) {
      if (owner.indent <= here.indent) return undefined;
      continue;
    }
    if (i + 1 === index || here.indent <= owner.indent || here.indent >= first.indent) return undefined;
    return {
      offset: here.start + here.indent,
      message: `this line is at column ${here.indent + 1}, left of the ${owner.value} block of "${owner.key}" above it (column ${first.indent + 1}), so the block ends before it: indent it like the block's first line`,
    };
  }
  return undefined;
}
