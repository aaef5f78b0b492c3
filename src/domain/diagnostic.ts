// A located problem in a checklist file, and how it reads as one line:
//   checklists/x.yaml:14:7 sections[1].items[2].timeout: expected a duration like 30s, 5m or 24h
export type PathSegment = string | number;

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** Field path such as `sections[1].items[2].timeout`; empty for the file as a whole. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  code: string;
}

/** A problem found on the parsed value, before it is given a line and column. */
export interface FieldIssue {
  path: PathSegment[];
  message: string;
  code: string;
  severity: 'error' | 'warning';
  /** Point at the key itself (an unknown key) rather than at its value. */
  at?: 'key' | 'value';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * A warning that says the checklist may not do what its author meant (a value cut short, an empty
 * gates section…), as opposed to advice that holds for most checklists (a check judged by its exit
 * code alone): the first kind is worth a line even where nobody runs `validate`.
 */
export function isMisreadWarning(d: { severity: string; code?: string }): boolean {
  return d.severity === 'warning' && d.code !== 'no-expect';
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

// A message quotes what the file holds (an unknown key, a wrong value): its control characters
// (C0 but tab, DEL, C1) and bidi overrides must not drive the terminal or break the one-line format.
const BEYOND_C0 = String.raw`\x7f-\x9f\u202a-\u202e\u2066-\u2069`;
const UNPRINTABLE = new RegExp(String.raw`[\x00-\x08\x0a-\x1f${BEYOND_C0}]`, 'g');
// JSON.stringify already escapes C0.
const UNPRINTABLE_IN_JSON = new RegExp(`[${BEYOND_C0}]`, 'g');

const asEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every unprintable character written as `\uXXXX`. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, asEscape);
}

/** Indented JSON safe to print to a terminal; it parses to the same value. */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNPRINTABLE_IN_JSON, asEscape);
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const kind = d.severity === 'warning' ? ' warning' : '';
  const field = d.path ? ` ${d.path}` : '';
  return escapeUnprintable(`${where}${kind}${field}: ${d.message}`);
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}
