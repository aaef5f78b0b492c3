// Warnings for a valid checklist: risky command shapes that deserve a second look. They never make
// a checklist invalid (`cutover validate` still exits 0).
import type { Checklist, ChecklistItem, SectionKindName } from './checklist-schema.js';
import type { FieldIssue, PathSegment } from './diagnostic.js';
import { looksDestructive } from './destructive.js';
import { SHAPE_RULES } from './secret-patterns.js';
import { templateWarnings } from './checklist-template-lint.js';

// A value that is a placeholder or a reference, not a literal secret.
const NOT_LITERAL = String.raw`(?!\$|\{\{|<|%|\*{3}|\[)`;

const PIPE_TO_SHELL = [
  /\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?(?:ba|z|k|da|fi)?sh\b/,
  /\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+)?python[23]?\b/,
  /\b(?:ba|z|k)?sh\s+(?:-c\s+)?["']?\$\(\s*(?:curl|wget)\b/,
  /\b(?:(?:ba|z|k)?sh|source|\.)\s+<\(\s*(?:curl|wget)\b/,
];

const CREDENTIALS: Array<[string, RegExp]> = [
  ['password=...', new RegExp(String.raw`(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)["']?\s*[=:]\s*["']?${NOT_LITERAL}[^\s'"&;|,}]{3,}`, 'i')],
  ['--password <value>', new RegExp(String.raw`--(?:password|passwd|token|secret|api-key|access-key)(?:=|\s+)["']?${NOT_LITERAL}[^\s'"&;|]{3,}`, 'i')],
  ['-p<password>', new RegExp(String.raw`\bmysql(?:dump|admin|sh)?\b[^|;&\n]*\s-p${NOT_LITERAL}["']?[^\s'"$]{2,}`)],
  ['Authorization header', new RegExp(String.raw`authorization:\s*(?:bearer|basic|token)\s+${NOT_LITERAL}[A-Za-z0-9._~+/=-]{8,}`, 'i')],
  ['a password in a URL', new RegExp(String.raw`\b[a-z][a-z0-9+.-]*://[^\s/:@'"]+:${NOT_LITERAL}[^\s/@'"]+@`, 'i')],
  // Well-known token shapes, shared with the redaction of evidence.
  ...SHAPE_RULES.filter((rule) => rule.name !== 'url-password').map((rule): [string, RegExp] => [rule.name, new RegExp(rule.source)]),
];

// Commands that run until someone stops them: as a check they only end at their timeout, as a failure.
const ENDLESS: Array<[string, RegExp]> = [
  ['watch', /(?:^|[;&|(]\s*)(?:sudo\s+)?watch\s/m],
  ['tail -f', /\btail\b[^;&|\n]*\s(?:-[a-zA-Z]*[fF]\b|--follow\b)/],
  ['journalctl -f', /\bjournalctl\b[^;&|\n]*\s(?:-[a-zA-Z]*f\b|--follow\b)/],
  ['logs -f', /\b(?:kubectl|oc|docker|podman)\b[^;&|\n]*\slogs\b[^;&|\n]*\s(?:-f\b|--follow\b)/],
  ['kubectl --watch', /\b(?:kubectl|oc)\b[^;&|\n]*\s(?:-w\b|--watch\b(?!=false))/],
  ['kubectl port-forward', /\b(?:kubectl|oc)\b[^;&|\n]*\s(?:port-forward|proxy)\b/],
  ['ping without -c', /(?:^|[;&|(]\s*)ping\s(?!(?:[^;&|\n]*\s)?-c\s?\d)/m],
];

// These shapes (and those of looksDestructive) scan from each occurrence of a word to the end of its
// command segment: quadratic in a long run of such words (an 80 KB command took 20 s to lint). Only
// the head of a command is linted; real commands are far shorter than this.
const LINTED_LENGTH = 8192;
const linted = (command: string): string => (command.length > LINTED_LENGTH ? command.slice(0, LINTED_LENGTH) : command);

export function findEndless(command: string): string | undefined {
  const head = linted(command);
  return ENDLESS.find(([, pattern]) => pattern.test(head))?.[0];
}

function warning(path: PathSegment[], message: string, code: string): FieldIssue {
  return { path, message, code, severity: 'warning' };
}

export function findCredential(command: string): string | undefined {
  const head = linted(command);
  return CREDENTIALS.find(([, pattern]) => pattern.test(head))?.[0];
}

// Where a command is a check whose output may tell more than its exit code (`curl` without -f
// exits 0 on a 500). A step (switch, rollback) or a soak (watch) is judged by its exit code.
const CHECK_KINDS: ReadonlySet<SectionKindName> = new Set(['gates', 'smoke', 'triage']);

function lintItem(item: ChecklistItem, path: PathSegment[], out: FieldIssue[], checksOutput: boolean): void {
  const commands: Array<[PathSegment[], string | undefined]> = [
    [[...path, 'run'], item.run],
    [[...path, 'drill', 'inject'], item.drill?.inject],
    [[...path, 'cwd'], item.cwd],
  ];
  for (const [at, command] of commands) {
    if (command === undefined) continue;
    if (PIPE_TO_SHELL.some((p) => p.test(linted(command)))) {
      out.push(warning(at, 'pipes a download into a shell; download, verify (checksum or signature), then run', 'pipe-to-shell'));
    }
    const credential = findCredential(command);
    if (credential) {
      out.push(warning(at, `looks like a credential is written into the command (${credential}); use a {{variable}} with secret: true or an environment variable`, 'credential'));
    }
  }
  if (item.run === undefined) {
    const inert = (['expect', 'timeout', 'watch'] as const).filter((key) => item[key] !== undefined);
    if (inert.length) out.push(warning([...path, inert[0] as string], `${inert.join(', ')} only ${inert.length === 1 ? 'applies' : 'apply'} to a command, and this item has no run`, 'no-run'));
    return;
  }
  const endless = findEndless(item.run);
  if (endless) {
    out.push(warning([...path, 'run'], `never exits on its own (${endless}): the run lasts until its timeout and then fails; use watch: { every, for } to re-check a command`, 'never-exits'));
  }
  const destructive = looksDestructive(linted(item.run));
  if (destructive && !item.destructive) {
    out.push(warning([...path, 'run'], `looks destructive (${destructive}) but the item is not marked destructive: true`, 'destructive-unmarked'));
  }
  if (item.expect === undefined && checksOutput && item.watch === undefined) {
    out.push(warning([...path, 'run'], 'runs a command but has no expect: only its exit code (0) will decide pass or fail', 'no-expect'));
  }
}

// Sections that exist to hold checks or steps: empty, they pass (gatesPassed, a rollback) on nothing.
// A steps or triage section may hold only text (an imported "Roles" or "Severity" heading).
const ITEM_KINDS: ReadonlySet<SectionKindName> = new Set(['gates', 'smoke', 'rollback', 'rollforward']);

function emptySection(section: Checklist['sections'][number], si: number): FieldIssue | undefined {
  if (section.items.length || (section.description && !ITEM_KINDS.has(section.kind))) return undefined;
  const what = section.kind === 'gates' ? 'no gate is checked, so "every gate passed" would hold on nothing' : 'it shows empty and does nothing';
  return warning(['sections', si, 'items'], `the ${section.kind} section "${section.id}" has no items: ${what}`, 'empty-section');
}

export function lintChecklist(checklist: Checklist): FieldIssue[] {
  const out: FieldIssue[] = [];
  checklist.variables.forEach((variable, vi) => {
    if (variable.secret && variable.default) {
      out.push(warning(['variables', vi, 'default'], `the secret variable ${variable.name} has a default, so the secret is written into the checklist: leave default out and give it with --var ${variable.name} (read from $${variable.name}) or at the prompt`, 'secret-default'));
    }
  });
  checklist.sections.forEach((section, si) => {
    const empty = emptySection(section, si);
    if (empty) out.push(empty);
    section.items.forEach((item, ii) => lintItem(item, ['sections', si, 'items', ii], out, CHECK_KINDS.has(section.kind)));
  });
  out.push(...templateWarnings(checklist));
  return out;
}
