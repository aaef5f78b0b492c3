// The README's command-line section and its examples against the real `--help` of each command:
// a flag the README shows must exist, and every flag a command takes must be in the README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
// Flags every command's help may show that the README lists once, under "Global".
const GLOBAL = new Set(['--evidence-dir', '--help', '-h', '--version', '-V']);
const FLAG = /(?<![\w.-])(--?[a-z][a-z-]*)/g;

/** The usage lines of the README's "## Commands" block, joined per command (continuation lines included). */
function readmeUsage(): Map<string, string> {
  const section = readme.slice(readme.indexOf('## Commands'));
  const open = section.indexOf('```') + 3;
  const block = section.slice(open, section.indexOf('```', open));
  const usage = new Map<string, string>();
  let command: string | undefined;
  for (const line of block.split('\n')) {
    const start = /^cutover(?: ([a-z]+))?/.exec(line);
    if (start) command = start[1] ?? '';
    if (command !== undefined) usage.set(command, `${usage.get(command) ?? ''} ${line}`);
  }
  return usage;
}

const flagsIn = (text: string): Set<string> => new Set([...text.matchAll(FLAG)].map((m) => m[1] as string));

/** The options a command's --help lists: each long name, with its short alias if it has one. */
const helps = new Map<string, Map<string, string | undefined>>();
function helpOptions(command: string): Map<string, string | undefined> {
  if (!helps.has(command)) {
    const help = runCli([command, '--help']).stdout;
    helps.set(command, new Map([...help.matchAll(/^ {2}(?:(-\w), )?(--[a-z-]+)/gm)].map((m) => [m[2] as string, m[1]])));
  }
  return helps.get(command) as Map<string, string | undefined>;
}

/** Every name, long or short, a command's --help lists. */
const helpFlags = (command: string): Set<string> => new Set([...helpOptions(command)].flatMap(([long, short]) => (short ? [long, short] : [long])));

describe('README command lines against --help', () => {
  const usage = readmeUsage();

  it('lists every command the CLI has', () => {
    const root = runCli(['--help']).stdout;
    const commands = [...root.slice(root.indexOf('Commands:')).matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThan(5);
    for (const command of commands) expect(usage.has(command as string), `README has no usage line for cutover ${command}`).toBe(true);
  });

  for (const [command, text] of usage) {
    if (command === '') continue;
    it(`cutover ${command}: the README's flags and --help's options are the same`, () => {
      const help = helpFlags(command);
      const shown = flagsIn(text);
      for (const flag of shown) {
        if (GLOBAL.has(flag)) continue;
        expect(help.has(flag), `README shows ${flag} for cutover ${command}; --help does not list it`).toBe(true);
      }
      for (const [long, short] of helpOptions(command)) {
        if (GLOBAL.has(long)) continue;
        const inReadme = shown.has(long) || (short !== undefined && shown.has(short));
        expect(inReadme, `cutover ${command} --help lists ${long}; the README's usage line does not`).toBe(true);
      }
    });
  }

  it('every `cutover <command> --flag` example in the README uses flags that command takes', () => {
    const examples = [...readme.matchAll(/(?:^|`|\s)(?:node dist\/)?cutover(?:\.js)? ([a-z]+)((?: [^`\n|]*)?)/gm)];
    let checked = 0;
    for (const [, command, rest] of examples) {
      if (!usage.has(command as string)) continue;
      const help = helpFlags(command as string);
      for (const flag of flagsIn(rest ?? '')) {
        if (GLOBAL.has(flag)) continue;
        expect(help.has(flag), `README example "cutover ${command}${rest}" uses ${flag}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('the global options the README names are in the top-level --help', () => {
    const root = runCli(['--help']).stdout;
    for (const flag of ['--evidence-dir', '--help', '--version']) expect(root).toContain(flag);
  });
});
