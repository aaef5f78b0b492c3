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
  /** Placeholders inside quotes left as written (`'…=="<my-pvc>"'`): they may be data. */
  literal: string[];
}

/** The quote open after `text`, starting with `open` (a quote left open on an earlier line). */
function quoteAfter(text: string, open: string | undefined): string | undefined {
  let quote = open;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") quote = ch === "'" ? undefined : quote;
    else if (ch === '\\') i++;
    else if (quote === '"') quote = ch === '"' ? undefined : quote;
    else if (ch === '"' || ch === "'") quote = ch;
  }
  return quote;
}

/**
 * `kubectl -n <namespace> get pods` -> `kubectl -n {{namespace}} get pods`. The engine quotes a
 * value for where it stands, inside quotes too (`"s3/<snapshot>"`); but a quoted string that
 * starts with `<…>` (`"<xml>"`, `'<title>'`) is more likely data than a blank, and is left alone,
 * unless its name is one of `known` (a placeholder the runbook uses elsewhere).
 */
export function templatize(run: string, known: ReadonlySet<string> = new Set()): Templated {
  const variables = new Map<string, string>();
  const literal: string[] = [];
  let open: string | undefined;
  const lines = run.split('\n').map((line) => {
    const startQuote = open;
    open = quoteAfter(line, open);
    if (!startQuote && /^\s*#/.test(line)) return line;
    // `<namespace>`, `<your namespace>`: up to four words between angle brackets.
    return line.replace(/<([A-Za-z][\w.-]*(?: [A-Za-z0-9][\w.-]*){0,3})>/g, (whole, name: string, offset: number) => {
      const before = line.slice(0, offset);
      const quoted = quoteAfter(before, startQuote) !== undefined || /["']$/.test(before);
      const prev = before.slice(-1);
      const variable = variableName(name);
      const data = prev && !(quoted ? /[ =:/@,]/ : /[\s=:/@,(]/).test(prev);
      // `"<my-pvc>"`: a whole quoted word, not `List<String>`.
      const word = quoted && /["'\s=:/@,(]/.test(prev);
      if (data && !(word && (known.has(variable) || variables.has(variable)))) {
        if (word && !literal.includes(whole)) literal.push(whole);
        return whole;
      }
      variables.set(variable, whole);
      return `{{${variable}}}`;
    });
  });
  return { run: lines.join('\n'), variables, literal };
}

const KNOWN_REF = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** `{{…}}` text that is not a reference to one of `declared` (or a builtin) variable. */
export function foreignTemplate(run: string, declared: Iterable<string>): string | undefined {
  const known = new Set<string>([...declared, ...BUILTIN_VARIABLES]);
  const rest = run.replace(KNOWN_REF, (whole, name: string) => (known.has(name) ? '' : whole));
  const match = /\{\{[^}]*\}?\}?/.exec(rest);
  return match?.[0];
}
