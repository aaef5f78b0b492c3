// A shell block made of comment-headed groups ("# Quick health check\n./health.sh\n\n# Emergency
// rollback trigger\n./emergency-rollback.sh") is several steps, each named by its comment: as one
// item, pressing Enter on "Quick health check" would also roll back. A block that is one script
// (a group sets a variable, a function or the shell's state that a later group uses; a here-document
// or a loop that spans groups) stays whole. A terminal session that shows each command's output is
// likewise a step per prompted command.
import { isShellLine, type PromptedCommand } from './commands.js';
import { commentedCommand } from './root-prompts.js';
import { leftoverOf, scanShell, type ScannedLine } from './shell-scan.js';

export interface ScriptPart {
  /** The heading comment's words, when the group has one. */
  title?: string;
  code: string;
  /** What the part printed, in a terminal session. */
  output?: string;
}

export type Grouping = { parts: ScriptPart[] } | { wholeScript: string };

interface Group {
  heading: string[];
  lines: string[];
  scanned: ScannedLine[];
  commands: boolean;
}

type ScriptLines = Pick<Group, 'lines' | 'scanned'>;

const COMMENT = /^\s*#(?!!)/;

// "# Expected: all nodes Ready" under a command is about that command's output.
const OUTPUT_NOTE = /^\s*#\s*(?:expected|expect|should|output|result|returns?|prints?|e\.g\.)\b/i;

/**
 * A comment right under a command heads the next group only when a command follows it; one that
 * a blank line or the block's end follows is a note on the command above.
 */
function headsCommands(lines: string[], at: number): boolean {
  let i = at;
  while (i < lines.length && COMMENT.test(lines[i] as string)) i++;
  return i < lines.length && !!lines[i]?.trim();
}

function groupsOf(lines: string[], scanned: ScannedLine[]): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  let afterBlank = false;
  lines.forEach((line, i) => {
    const state = scanned[i] as ScannedLine;
    const blank = !line.trim();
    const underCommand = !!current?.commands && !afterBlank && !COMMENT.test(lines[i - 1] ?? '');
    const note = underCommand && (OUTPUT_NOTE.test(line) || !headsCommands(lines, i));
    const heading = state.top && COMMENT.test(line) && !note && !(current?.commands && COMMENT.test(lines[i - 1] ?? '') && !afterBlank);
    // A heading comment after commands, or commands after a blank line, start a group.
    if (!current || (current.commands && (heading || (afterBlank && !blank && state.top)))) {
      current = { heading: [], lines: [], scanned: [], commands: false };
      groups.push(current);
    }
    if (heading && !current.commands && !current.lines.some((l) => l.trim())) current.heading.push(line);
    else {
      current.lines.push(line);
      current.scanned.push(state);
      if (!blank && !COMMENT.test(line)) current.commands = true;
    }
    if (!blank) afterBlank = false;
    else if (state.top) afterBlank = true;
  });
  // Comments after the last command are notes on it.
  const last = groups[groups.length - 1];
  if (last && !last.commands && groups.length > 1) {
    groups.pop();
    (groups[groups.length - 1] as Group).lines.push(...last.heading, ...last.lines);
  }
  return groups;
}

const uses = (code: string, variable: string): boolean => new RegExp(String.raw`\$\{?${variable}\b`).test(code);
const calls = (code: string, fn: string): boolean => new RegExp(String.raw`(?:^|[\s;&|(])${fn.replace(/[-.]/g, '\\$&')}(?:\s|$|;)`, 'm').test(code);

/** Why the groups are one script, or undefined when each can run on its own. */
function oneScript(groups: ScriptLines[]): string | undefined {
  for (let i = 0; i < groups.length - 1; i++) {
    const left = leftoverOf((groups[i] as ScriptLines).scanned);
    if (left.state) return `"${left.state}" in one part changes the shell for the parts after it`;
    const later = groups.slice(i + 1).map((g) => g.lines.join('\n')).join('\n');
    const variable = left.variables.find((v) => uses(later, v));
    if (variable) return `$${variable} is set in one part and used in a later one`;
    const fn = left.functions.find((f) => calls(later, f));
    if (fn) return `the function ${fn} is defined in one part and called in a later one`;
  }
  return undefined;
}

/**
 * How a shell block reads: several parts, each its own step; or one script (and why) when its
 * comments head groups that cannot run apart. Undefined when it has no comment-headed groups.
 */
export function groupScript(code: string): Grouping | undefined {
  const lines = code.split('\n');
  const headings = lines.filter((l) => COMMENT.test(l)).length;
  if (headings === 0) return undefined;
  // "#!/bin/bash" first: the author wrote one script file, not steps.
  if (/^\s*#!/.test(code)) return { wholeScript: 'it starts with #!, one script file' };
  const scanned = scanShell(code);
  if (!scanned) return headings > 1 ? { wholeScript: 'a quote, here-document, loop or block runs across its comments' } : undefined;
  const groups = groupsOf(lines, scanned).filter((g) => g.commands || g.heading.length);
  const headed = groups.filter((g) => g.heading.length && g.commands);
  if (groups.length < 2 || !headed.length || groups.some((g) => !g.commands)) {
    // Comments inside a loop or here-document that would otherwise head parts.
    const inner = lines.filter((l, i) => COMMENT.test(l) && !scanned[i]?.top).length;
    return inner && headings > 1 ? { wholeScript: 'a loop, block or here-document runs across its comments' } : undefined;
  }
  const why = oneScript(groups);
  if (why) return { wholeScript: why };
  return {
    parts: groups.map((g) => {
      // "# systemctl stop app" above "# Stop the app first": a command commented out names no step.
      const at = g.heading.findIndex((line) => !commentedCommand(line, isShellLine));
      const title = g.heading[at]?.replace(COMMENT, '').trim();
      const code_ = [...g.heading.filter((_, i) => i !== at), ...g.lines].join('\n').trim();
      return title ? { title, code: code_ } : { code: code_ };
    }),
  };
}

/**
 * A terminal session that shows what each command printed (`$ kubectl get pods`, its output,
 * `$ kubectl delete pod …`) is a step per command, unless a command changes the shell for the
 * ones after it (`$ cd`, `$ export`).
 */
export function sessionParts(prompts: PromptedCommand[]): ScriptPart[] | undefined {
  const commands = prompts.filter((p) => p.run);
  if (commands.length < 2 || dependsAcross(commands.map((p) => p.run))) return undefined;
  const parts: ScriptPart[] = [];
  for (const prompt of prompts) {
    const [heading, ...comments] = prompt.comments;
    const last = parts[parts.length - 1];
    // Comments after the last command (a session's prompts start with their own) are notes on it.
    if (!prompt.run && last) last.code = [last.code, ...prompt.comments].join('\n');
    if (!prompt.run) continue;
    const part: ScriptPart = { code: [...comments, prompt.run].join('\n') };
    if (heading) part.title = heading.replace(/^\s*#\s*/, '');
    if (prompt.output) part.output = prompt.output;
    parts.push(part);
  }
  return parts;
}

/**
 * Why separate commands (the prompted commands of a terminal session) only make sense run
 * together, or undefined when each can run on its own.
 */
function dependsAcross(codes: string[]): string | undefined {
  const parts = codes.map((code) => ({ lines: code.split('\n'), scanned: scanShell(code) }));
  if (parts.some((p) => !p.scanned)) return 'a quote, here-document, loop or block runs across its commands';
  return oneScript(parts as ScriptLines[]);
}

/** The words of a block's first comment ("# Restart the API"), skipping commands commented out. */
export function leadingComment(code: string): string | undefined {
  const lines = code.split('\n');
  const end = lines.findIndex((line) => !COMMENT.test(line));
  const heading = lines.slice(0, end < 0 ? lines.length : end).find((line) => !commentedCommand(line, isShellLine));
  return heading?.replace(COMMENT, '').trim() || undefined;
}
