// `{{name}}` substitution into shell commands. A value is always inserted as data, never as shell
// syntax, whatever quoting context the placeholder sits in (see shell-context.ts): bare words get
// POSIX single quotes; inside "double quotes" the characters special there are backslash-escaped
// (so `curl "https://{{host}}/x"` stays one readable word); inside 'single quotes' the value's own
// quotes are escaped; here-documents and backticks get the escaping they need.
import { CutoverError, EXIT } from './errors.js';
import { ShellContext, singleQuote } from './shell-context.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Go-template keywords (`docker ps --format '{{.Names}}{{end}}'`) are never placeholders. */
const GO_TEMPLATE_KEYWORDS = new Set(['end', 'else', 'break', 'continue', 'nil']);

/** POSIX single-quote quoting: `'it'\''s'`; `''` for the empty string. */
export function shellQuote(value: string): string {
  return singleQuote(value);
}

/** A word of a command line as one would type it: quoted only when the shell needs it. */
export function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : shellQuote(arg);
}

export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!GO_TEMPLATE_KEYWORDS.has(name)) names.add(name);
  }
  return [...names];
}

export function renderCommand(template: string, vars: Record<string, string>): string {
  const context = new ShellContext();
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (GO_TEMPLATE_KEYWORDS.has(name)) continue;
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value === undefined) {
      throw new CutoverError(
        `unknown variable "${name}" in command: ${template}`,
        EXIT.usage,
        'declare it under variables: in the checklist, or give it with --var name=value',
      );
    }
    const literal = template.slice(last, match.index);
    context.read(literal);
    out += literal + context.quote(name, value);
    last = match.index + match[0].length;
  }
  return out + template.slice(last);
}
