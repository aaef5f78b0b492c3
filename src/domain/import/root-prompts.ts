// `# systemctl restart app`: a root shell's prompt is `# `, which is also how a comment starts. A
// `# ` line is read as a prompt only when it is plainly a command and the block holds no other
// command (a script's `# kubectl delete …` is a command commented out, not one to run):
//   - after `# ` comes a program the importer knows (`systemctl`, `sudo`, `./x.sh`, a program
//     with an option), not a shell keyword (`# then verify`), and no prose word outside quotes
//     (`# kill the old process`); a program that is also an English verb (`test`, `kill`, `find`)
//     needs an argument that only a command has (`-9`, `/var/log`, `db01`, `a=b`);
//   - every other line of the block is a comment (`# Check the status first`, prose) or what the
//     commands printed: no line is a command of its own, no `#!` line. In a console block, where
//     `#` is the usual root prompt, `$ ` lines may sit beside them.
// Such a block is rewritten with `$ ` prompts and read as a terminal session.

const ROOT_LINE = /^(\s*)#[ \t]+(\S.*)$/;
const KEYWORD = /^(?:do|done|then|fi|else|elif|esac|if|while|until|for|case|in|function)\b/;
const PROSE = new Set(
  'a an the to if is are was were be been this that these those we you it its for of with and or not then first before after sure now them all should must will can could would when until which there here our your their please also only again'.split(' '),
);
// Programs whose names are also words a comment starts with: "# test connectivity", "# kill stale connections".
const VERBS = new Set('test make find kill sort cut touch watch time date host head tail wait sleep export source mount echo cat tee diff free top true false service screen split join less more type kind bundle cd ls env ps'.split(' '));
const COMMAND_ARGUMENT = /^(?:-|\/|\.|~|\$|\d)|[=/:@]|\d/;

function outsideQuotes(text: string): string[] {
  return text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, ' ').split(/\s+/).filter(Boolean);
}

function isRootCommand(text: string, isCommand: (line: string) => boolean): boolean {
  if (KEYWORD.test(text) || /[.:]$/.test(text) || !isCommand(text)) return false;
  const [program = '', ...args] = outsideQuotes(text);
  if (args.some((word) => PROSE.has(word.toLowerCase()))) return false;
  return !VERBS.has(program) || args.some((word) => COMMAND_ARGUMENT.test(word));
}

/**
 * The block with its root prompts written as `$ `, or undefined when it has none (or when its
 * `# ` lines may be comments). `isCommand`: whether a line starts with a command.
 */
export function rootPrompted(code: string, consoleBlock: boolean, isCommand: (line: string) => boolean): string | undefined {
  const lines = code.split('\n');
  if (lines.some((l) => /^\s*#!/.test(l))) return undefined;
  let prompts = 0;
  const rewritten = lines.map((line) => {
    const root = ROOT_LINE.exec(line);
    if (!root || !isRootCommand(root[2] ?? '', isCommand)) return line;
    prompts++;
    return `${root[1] ?? ''}$ ${root[2] ?? ''}`;
  });
  if (!prompts) return undefined;
  const commandOfItsOwn = lines.some((line) => line.trim() && !/^\s*#/.test(line) && isCommand(line.trim()) && !(consoleBlock && /^\s*\$\s/.test(line)));
  return commandOfItsOwn ? undefined : rewritten.join('\n');
}

/** A comment that is a command commented out (`# systemctl stop app`): it names no step. */
export function commentedCommand(line: string, isCommand: (line: string) => boolean): boolean {
  const root = ROOT_LINE.exec(line);
  return !!root && isRootCommand(root[2] ?? '', isCommand);
}
