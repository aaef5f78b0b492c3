// A terminal session pasted into a runbook: `$ ` prompt lines, the lines the shell read on with
// them, and what the commands printed. Which lines are commands, and whether the session opens
// another shell (ssh, psql…) that the rest is typed into.
import { promptedSessionOpener } from './session-openers.js';
import { continuesOnNextLine } from './shell-scan.js';

// A terminal prompt before a command: `$ `, `(venv) $ `, `user@host:~$ `, `[root@db01 data]# `.
// `#` only after user@host, where it cannot be a comment.
const PROMPT = /^\s*(?:\([\w.-]+\)\s*)?(?:\$|(?:\[[\w.-]+@[\w.-]+[^\]\n]*\]|[\w.-]+@[\w.-]+(?::\S*?)?)\s?[$#](?=\s|$))/;

/** The command after a terminal prompt, or undefined when the line has none. */
export function afterPrompt(line: string): string | undefined {
  const prompt = PROMPT.exec(line);
  return prompt ? line.slice(prompt[0].length).replace(/^\s/, '') : undefined;
}

/** A prompt followed by a space or nothing (`$HOME` is not a prompt). */
export function hasPrompt(line: string): boolean {
  const prompt = PROMPT.exec(line);
  return !!prompt && /^(?:\s|$)/.test(line.slice(prompt[0].length));
}

export interface BlockCommand {
  run?: string;
  /** Output lines of a prompted (console) block, shown as an example. */
  output?: string;
  /** Why the block is not a command (kept as description). */
  reason?: string;
  /** Not a command, yet steps to do by hand (a manual item), not only output. */
  byHand?: boolean;
  /** A prompted block's commands one by one, each with the comments above it and what it printed. */
  prompts?: PromptedCommand[];
}

export interface PromptedCommand {
  comments: string[];
  run: string;
  output?: string;
}

interface PromptDraft {
  comments: string[];
  run: string[];
  output: string[];
}

/**
 * A command's lines without the `> ` the shell prints before each line it reads on (PS2), when
 * every line after the first has one: `> ` there is the prompt, not a redirection.
 */
function withoutContinuationPrompts(lines: string[]): string[] {
  const [first = '', ...rest] = lines;
  if (!rest.length || !rest.every((l) => /^>(?:\s|$)/.test(l))) return lines;
  return [first, ...rest.map((l) => l.replace(/^> ?/, ''))];
}

/**
 * Commands of a prompted session: `$ ` lines, the lines the shell reads on with them (after a
 * `\`, inside a quote, a here-document or a loop), and comments. Other lines are output.
 */
export function fromPrompted(code: string): BlockCommand {
  const prompts: PromptDraft[] = [];
  let current: PromptDraft | undefined;
  const start = (): PromptDraft => {
    current = { comments: [], run: [], output: [] };
    prompts.push(current);
    return current;
  };
  let continuing = false;
  for (const line of code.split('\n')) {
    const prompt = afterPrompt(line);
    if (continuing && prompt === undefined && current) current.run.push(line);
    else if (prompt !== undefined) (current && !current.run.length ? current : start()).run.push(prompt);
    else if (/^\s*#\s/.test(line)) (current && !current.run.length ? current : start()).comments.push(line);
    else (current ?? start()).output.push(line);
    const command = current?.run.length && !current.output.length ? current.run : undefined;
    continuing = !!command && continuesOnNextLine(withoutContinuationPrompts(command).join('\n'));
  }
  const drafts = prompts.map((p) => ({ ...p, run: withoutContinuationPrompts(p.run) }));
  const opener = promptedSessionOpener(drafts);
  if (opener) return { reason: typedInto(opener), byHand: true };
  const run = drafts.flatMap((p) => [...p.comments, ...p.run]);
  const output = drafts.flatMap((p) => p.output);
  const commands = run.some((l) => l.trim() && !/^\s*#/.test(l));
  const out: BlockCommand = { run: commands ? run.join('\n').trim() : '' };
  if (output.join('').trim()) out.output = output.join('\n').trim();
  if (drafts.filter((p) => p.run.length).length < 2) return out;
  out.prompts = drafts.map((p) => {
    const said = p.output.join('\n').trim();
    return { comments: p.comments, run: p.run.join('\n').trim(), ...(said ? { output: said } : {}) };
  });
  return out;
}

export function typedInto(opener: string): string {
  return `\`${opener}\` opens a session that the lines after it are typed into: not run as one script`;
}
