// Warnings for {{variables}} written where they are not filled in: in `expect` (searched for as
// literal text) and as shell variables (`$db_host` is the environment's, not the checklist's).
import { BUILTIN_VARIABLES, type Checklist, type ChecklistItem } from './checklist-schema.js';
import { placeholders } from './command-template.js';
import type { FieldIssue, PathSegment } from './diagnostic.js';

function warning(path: PathSegment[], message: string, code: string): FieldIssue {
  return { path, message, code, severity: 'warning' };
}

const listOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function expectWarnings(item: ChecklistItem, path: PathSegment[], out: FieldIssue[]): void {
  const fields = [['contains', item.expect?.contains], ['notContains', item.expect?.notContains], ['matches', item.expect?.matches]] as const;
  for (const [field, value] of fields) {
    const name = listOf(value).flatMap((text) => placeholders(text))[0];
    if (name === undefined) continue;
    out.push(warning([...path, 'expect', field], `{{${name}}} is not filled in here (only run, cwd and drill.inject take {{variables}}): the output is searched for the text "{{${name}}}" as written`, 'template-in-expect'));
  }
}

/** `$name` or `${name}` for a checklist variable the command does not set itself. */
function shellVariableFor(command: string, names: readonly string[]): string | undefined {
  return names.find((name) => {
    const used = new RegExp(String.raw`\$(?:\{${name}\}|${name}\b)`).test(command);
    const setHere = new RegExp(String.raw`(?:^|[\s;&|(])(?:${name}=|for\s+${name}\s|read\s+(?:-\S+\s+)*${name}\b|export\s+${name}\b)`).test(command);
    return used && !setHere;
  });
}

/** `title: Patch selector to {{color}}` shows the braces as written: only commands are filled in. */
function textWarning(text: string | undefined, path: PathSegment[], out: FieldIssue[]): void {
  const name = text === undefined ? undefined : placeholders(text)[0];
  if (name === undefined) return;
  const field = String(path[path.length - 1]);
  out.push(warning(path, `{{${name}}} in a ${field} is shown as written, not filled in (only run, cwd and drill.inject take {{variables}})`, 'template-in-text'));
}

export function templateWarnings(checklist: Checklist): FieldIssue[] {
  const out: FieldIssue[] = [];
  const names = [...checklist.variables.map((v) => v.name), ...BUILTIN_VARIABLES];
  checklist.sections.forEach((section, si) => {
    textWarning(section.title, ['sections', si, 'title'], out);
    section.items.forEach((item, ii) => {
      const path: PathSegment[] = ['sections', si, 'items', ii];
      textWarning(item.title, [...path, 'title'], out);
      expectWarnings(item, path, out);
      const commands: Array<[string, string | undefined]> = [['run', item.run], ['cwd', item.cwd]];
      if (item.drill?.inject !== undefined) commands.push(['inject', item.drill.inject]);
      for (const [field, command] of commands) {
        const name = command === undefined ? undefined : shellVariableFor(command, names);
        if (name === undefined) continue;
        const at = field === 'inject' ? [...path, 'drill', 'inject'] : [...path, field];
        out.push(warning(at, `$${name} is a shell variable, not the checklist variable ${name}: write {{${name}}} to have it filled in`, 'shell-variable'));
      }
    });
  });
  return out;
}
