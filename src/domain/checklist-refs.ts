// Cross-reference checks a schema cannot express: unique ids, references to declared roles,
// severity levels, sections and variables, regexes that compile, consistent watch windows.
import { BUILTIN_VARIABLES, type Checklist } from './checklist-schema.js';
import { placeholders } from './command-template.js';
import { formatPath, type FieldIssue, type PathSegment } from './diagnostic.js';
import { parseDuration } from './duration.js';
import { closest, listOf } from './suggest.js';

type Path = PathSegment[];

function error(path: Path, message: string, code: string): FieldIssue {
  return { path, message, code, severity: 'error' };
}

/** Flags every entry whose id was already used, naming where it first appeared. */
function uniqueIds(entries: Array<{ id: string; path: Path }>, what: string, out: FieldIssue[], note = ''): void {
  const seen = new Map<string, Path>();
  for (const { id, path } of entries) {
    const first = seen.get(id);
    if (first) out.push(error(path, `duplicate ${what} "${id}" (first used at ${formatPath(first)}${note})`, 'duplicate-id'));
    else seen.set(id, path);
  }
}

/** The undeclared names of a field that takes one name or a list of them (`severity: SEV0`, `section: [smoke, soak]`). */
function unknownNames(path: Path, value: string | string[] | undefined, what: string, declared: string[], where: string): FieldIssue[] {
  const names = value === undefined ? [] : [value].flat();
  return names.flatMap((name, j) => (declared.includes(name) ? [] : [unknownRef(Array.isArray(value) ? [...path, j] : path, what, name, declared, where)]));
}

function unknownRef(path: Path, what: string, name: string, declared: string[], where: string): FieldIssue {
  const near = closest(name, declared);
  const hint = near ? `did you mean "${near}"?` : declared.length ? `declared: ${listOf(declared)}` : `none are declared under ${where}`;
  return error(path, `unknown ${what} "${name}" (${hint})`, `unknown-${what.replace(/ /g, '-')}`);
}

function unknownVariable(path: Path, name: string, known: string[]): FieldIssue {
  const near = closest(name, known);
  const hint = near ? `did you mean "${near}"?` : `declare it under variables, or use a builtin: ${BUILTIN_VARIABLES.join(', ')}`;
  return error(path, `unknown variable "{{${name}}}" (${hint})`, 'unknown-variable');
}

function compiles(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

export function checkReferences(checklist: Checklist): FieldIssue[] {
  const out: FieldIssue[] = [];
  const roles = checklist.roles.map((r) => r.id);
  const levels = checklist.severity.levels.map((l) => l.id);
  const sections = checklist.sections.map((s) => s.id);
  const variables = [...checklist.variables.map((v) => v.name), ...BUILTIN_VARIABLES];

  uniqueIds(checklist.roles.map((r, i) => ({ id: r.id, path: ['roles', i, 'id'] })), 'role id', out);
  uniqueIds(checklist.variables.map((v, i) => ({ id: v.name, path: ['variables', i, 'name'] })), 'variable name', out);
  uniqueIds(checklist.severity.levels.map((l, i) => ({ id: l.id, path: ['severity', 'levels', i, 'id'] })), 'severity level', out);
  uniqueIds(checklist.severity.rules.map((r, i) => ({ id: r.id, path: ['severity', 'rules', i, 'id'] })), 'rule id', out);
  uniqueIds(checklist.sections.map((s, i) => ({ id: s.id, path: ['sections', i, 'id'] })), 'section id', out);
  uniqueIds(
    checklist.sections.flatMap((s, si) => s.items.map((item, ii) => ({ id: item.id, path: ['sections', si, 'items', ii, 'id'] }))),
    'item id',
    out,
    '; item ids are unique across the whole checklist',
  );

  checklist.variables.forEach((variable, i) => {
    const path: Path = ['variables', i];
    if ((BUILTIN_VARIABLES as readonly string[]).includes(variable.name)) {
      out.push(error([...path, 'name'], `"${variable.name}" is a builtin variable and cannot be redeclared (builtins: ${BUILTIN_VARIABLES.join(', ')})`, 'shadows-builtin'));
    }
    if (variable.pattern === undefined) return;
    const bad = compiles(variable.pattern);
    if (bad) out.push(error([...path, 'pattern'], `invalid regular expression: ${bad}`, 'bad-regex'));
    else if (variable.default !== undefined && !new RegExp(variable.pattern).test(variable.default)) {
      out.push(error([...path, 'default'], `default "${variable.default}" does not match pattern ${variable.pattern}`, 'default-mismatch'));
    }
  });

  checklist.severity.rules.forEach((rule, i) => {
    const when = rule.when;
    if (!when) return;
    const path: Path = ['severity', 'rules', i, 'when'];
    out.push(...unknownNames([...path, 'severity'], when.severity, 'severity level', levels, 'severity.levels'));
    out.push(...unknownNames([...path, 'section'], when.section, 'section', sections, 'sections'));
    out.push(...conditionMixups(when, path));
    if (when.within !== undefined && !parseDuration(when.within)) out.push(error([...path, 'within'], 'must be longer than 0 (leave it out to count incidents however far apart)', 'zero-duration'));
  });

  checklist.sections.forEach((section, si) => {
    if (section.requires && section.kind !== 'rollforward') {
      out.push(error(['sections', si, 'requires'], `requires is only allowed on a rollforward section (this one is "${section.kind}")`, 'requires-not-rollforward'));
    }
    section.items.forEach((item, ii) => {
      const path: Path = ['sections', si, 'items', ii];
      if (item.owner !== undefined && !roles.includes(item.owner)) out.push(unknownRef([...path, 'owner'], 'role', item.owner, roles, 'roles'));
      if (item.onFail !== undefined && !levels.includes(item.onFail)) out.push(unknownRef([...path, 'onFail'], 'severity level', item.onFail, levels, 'severity.levels'));
      const templates: Array<[Path, string | undefined]> = [
        [[...path, 'run'], item.run],
        [[...path, 'cwd'], item.cwd],
        [[...path, 'drill', 'inject'], item.drill?.inject],
      ];
      for (const [at, template] of templates) {
        for (const name of placeholders(template ?? '')) {
          if (!variables.includes(name)) out.push(unknownVariable(at, name, variables));
        }
      }
      // --inject fires the fault just before the item's command: a manual item has none to fire it.
      if (item.drill?.inject !== undefined && item.run === undefined) {
        out.push(error([...path, 'drill', 'inject'], `item "${item.id}" is manual (no run): its drill fault would never be injected, since a fault fires just before the item's command runs; give the item a run, or declare the fault on the check that should catch it`, 'inject-without-run'));
      }
      const regex = item.expect?.matches;
      const bad = regex === undefined ? undefined : compiles(regex);
      if (bad) out.push(error([...path, 'expect', 'matches'], `invalid regular expression: ${bad}`, 'bad-regex'));
      // A zero timeout would mean no timeout at all; a watch every 0s would re-run in a tight loop.
      if (item.timeout !== undefined && !parseDuration(item.timeout)) out.push(error([...path, 'timeout'], 'must be longer than 0 (leave it out for the default)', 'zero-duration'));
      if (item.watch && !parseDuration(item.watch.every)) {
        out.push(error([...path, 'watch', 'every'], 'must be longer than 0: the command would be re-run in a tight loop', 'zero-duration'));
      } else if (item.watch && !parseDuration(item.watch.for)) {
        out.push(error([...path, 'watch', 'for'], 'must be longer than 0', 'zero-duration'));
      } else if (item.watch && (parseDuration(item.watch.every) ?? 0) > (parseDuration(item.watch.for) ?? 0)) {
        out.push(error([...path, 'watch', 'every'], `every (${item.watch.every}) is longer than for (${item.watch.for})`, 'watch-window'));
      }
    });
  });
  return out;
}

/**
 * A rule counts failed checks or incidents, never both: fields of the other kind would be ignored
 * without a word (a `section` alone made a rule fire on any open incident).
 */
function conditionMixups(when: NonNullable<Checklist['severity']['rules'][number]['when']>, path: Path): FieldIssue[] {
  if (when.failedChecks === undefined) {
    return when.section === undefined ? [] : [error([...path, 'section'], 'section only applies with failedChecks (count failed checks in this section); a rule on incidents counts them in every section', 'rule-mixup')];
  }
  const incidentFields = [
    ...(when.severity !== undefined ? ['severity'] : []),
    ...(when.within !== undefined ? ['within'] : []),
    ...(when.atLeast !== 1 ? ['atLeast'] : []),
    ...(when.includeResolved ? ['includeResolved'] : []),
  ];
  return incidentFields.map((field) => error([...path, field], `${field} counts incidents, but this rule counts failed checks (failedChecks): it would be ignored; make it a rule of its own`, 'rule-mixup'));
}
