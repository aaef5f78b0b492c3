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

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const kind = d.severity === 'warning' ? ' warning' : '';
  const field = d.path ? ` ${d.path}` : '';
  return `${where}${kind}${field}: ${d.message}`;
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}
