// Template placeholders in runbooks: cells to fill in (`_TBD_`, `<name>`, empty, ☐), `<role>`
// references, and `<value>` placeholders in commands, which become `{{variable}}`s.
//
// The engine substitutes `{{name}}` in `run` (shell-quoted). Any other `{{…}}` text in an imported
// command (Go templates, Jinja, Prometheus labels...) would be misread, so such a command is kept
// as description, never as `run`; the summary lists it.
import { BUILTIN_VARIABLES } from '../checklist-schema.js';

const PLACEHOLDER_CELL = /^(?:|tbd|tba|todo|fixme|xxx+|\?+|-+|—|–|\.{3}|…|n\/?a|none yet|<[^<>]*>|\[\s?\]|☐|□|⬜|▢)$/i;

/** Whether a cell or field value is only a placeholder to be filled in (markdown already stripped). */
export function isPlaceholder(text: string): boolean {
  const bare = text.replace(/[`*_~]/g, '').trim();
  return PLACEHOLDER_CELL.test(bare);
}

/** `<qa-owner>` or `` `<qa-owner>` `` -> "qa-owner". */
export function angleRef(text: string): string | undefined {
  const match = /^`?<([A-Za-z][\w .-]*)>`?$/.exec(text.trim());
  return match?.[1]?.trim();
}

/** All `<name>` references in a cell like "`<release-manager>` + `<ops-lead>`". */
export function angleRefs(text: string): string[] {
  return [...text.matchAll(/<([A-Za-z][\w.-]*)>/g)].map((m) => m[1] as string);
}

export function variableName(placeholder: string): string {
  const name = placeholder.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(name) ? name : `_${name}`;
}

export interface Templated {
  run: string;
  /** Placeholders turned into variables: name -> the placeholder as written. */
  variables: Map<string, string>;
}

/**
 * `kubectl -n <namespace> get pods` -> `kubectl -n {{namespace}} get pods`. The engine quotes a
 * value for where it stands, inside quotes too (`"s3/<snapshot>"`); but a quoted string that
 * starts with `<…>` (`"<xml>"`, `'<title>'`) is more likely data than a blank, and is left alone.
 */
export function templatize(run: string): Templated {
  const variables = new Map<string, string>();
  const lines = run.split('\n').map((line) => {
    if (/^\s*#/.test(line)) return line;
    // `<namespace>`, `<your namespace>`: up to four words between angle brackets.
    return line.replace(/<([A-Za-z][\w.-]*(?: [A-Za-z0-9][\w.-]*){0,3})>/g, (whole, name: string, offset: number) => {
      const before = line.slice(0, offset);
      const quotes = (before.match(/'/g)?.length ?? 0) + (before.match(/"/g)?.length ?? 0);
      const prev = before.slice(-1);
      if (prev && !(quotes % 2 === 1 ? /[ =:/@,]/ : /[\s=:/@,(]/).test(prev)) return whole;
      const variable = variableName(name);
      variables.set(variable, whole);
      return `{{${variable}}}`;
    });
  });
  return { run: lines.join('\n'), variables };
}

const KNOWN_REF = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** `{{…}}` text that is not a reference to one of `declared` (or a builtin) variable. */
export function foreignTemplate(run: string, declared: Iterable<string>): string | undefined {
  const known = new Set<string>([...declared, ...BUILTIN_VARIABLES]);
  const rest = run.replace(KNOWN_REF, (whole, name: string) => (known.has(name) ? '' : whole));
  const match = /\{\{[^}]*\}?\}?/.exec(rest);
  return match?.[0];
}
