// Usage mistakes as every other error reads: `cutover: <what>` and one hint line naming the
// command's own usage, instead of commander's `error: …` and a pointer to the top-level help.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CutoverError, EXIT } from '../domain/errors.js';
import { editDistance } from '../domain/suggest.js';

/** Words an operator may reach for that are not command names (`cutover recover` is `resume --recover`). */
const NEAR_COMMANDS: Record<string, string> = {
  recover: 'resume --recover <evidence.json>',
  start: 'open <checklist>',
  ls: 'list',
  lint: 'validate <checklist>',
  check: 'validate <checklist> (or verify <evidence.json>)',
  bundle: 'export <evidence.json>',
  version: '--version',
};

/** `cutover lst` -> "did you mean `cutover list`?"; a typo within two edits, or a word in NEAR_COMMANDS. */
export function suggestCommand(given: string, names: string[]): string | undefined {
  const word = given.toLowerCase();
  const near = NEAR_COMMANDS[word];
  if (near) return `cutover ${near}`;
  const close = names
    .map((name) => ({ name, distance: editDistance(word, name) }))
    .filter(({ name, distance }) => distance <= Math.min(2, Math.floor(name.length / 2)) || (word.length >= 3 && name.startsWith(word)))
    .sort((a, b) => a.distance - b.distance);
  return close[0] ? `cutover ${close[0].name}` : undefined;
}

/** `cutover bogus`: the root takes no arguments, and commander would only say "too many arguments". */
export function checkCommandName(program: Command, argv: string[]): void {
  const first = argv[2];
  if (!first || first.startsWith('-')) return;
  if (program.commands.some((c) => c.name() === first || c.aliases().includes(first))) return;
  const names = program.commands.map((c) => c.name());
  const suggestion = suggestCommand(first, names);
  throw new CutoverError(
    `unknown command "${first}"${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`,
    EXIT.usage,
    `commands: ${names.join(', ')} (cutover --help)`,
  );
}

const commandPath = (command: Command): string => (command.parent ? `cutover ${command.name()}` : 'cutover');

/** commander's "error: unknown option '--jsn'\n(Did you mean --json?)" as one line and a usage hint. */
export function formatUsageError(raw: string, command: Command): string {
  const [first = '', ...rest] = raw.trim().split('\n');
  const message = first.replace(/^error: /, '');
  const suggestion = rest.map((line) => line.replace(/^\((Did you mean .*)\)$/, '$1')).join(' ');
  const option = /^unknown option '(.+)'$/.exec(message)?.[1];
  const hint = suggestion ? suggestion.replace(/^Did/, 'did') : option === '-v' ? 'did you mean -V (--version)?' : '';
  const lines = [`cutover: ${message}${hint ? ` (${hint})` : ''}`];
  if (option && existsSync(option)) {
    lines.push(`  a file whose name starts with "-": write ./${option} (or put -- before it)`);
  }
  // `cutover report my session.json`: the likeliest cause of one argument too many
  if (message.startsWith('too many arguments') && command.registeredArguments.length > 0) {
    lines.push('  a path with spaces needs quotes: "my file.json"');
  }
  lines.push(`  usage: ${commandPath(command)} ${command.usage()} (${commandPath(command)} --help)`);
  return `${lines.join('\n')}\n`;
}

/** Every command (the root included) prints its usage errors through formatUsageError. */
export function useOneLineUsageErrors(program: Command): void {
  for (const command of [program, ...program.commands]) {
    command.showHelpAfterError(false);
    command.configureOutput({ outputError: (raw, write) => write(formatUsageError(raw, command)) });
  }
}
