// A command that opens a session the runbook's next lines are typed into: `ssh db01`, `sudo -i`,
// `kubectl exec -it api -- sh`, `psql -h db -U postgres`. Run as one script, the session gets no
// typed input and ends at once, and the lines meant for the remote host or the database run on
// the operator's machine instead (`sudo systemctl stop postgresql` there, not on db01).
import { logicalLines, scanShell } from './shell-scan.js';

const SHELLS = new Set(['sh', 'bash', 'zsh', 'ash', 'ksh', 'fish']);
const REPLS = new Set(['psql', 'mysql', 'mariadb', 'redis-cli', 'mongo', 'mongosh', 'cqlsh', 'sqlite3', 'sqlcmd', 'python', 'python3', 'node', 'irb']);
// Options that take a value (`ssh -i key -p 22 host`, `sudo -iu postgres`), short ones also last
// in a group of flags.
const DOCKER_VALUES = /^-[a-zA-Z]*[uwevp]$|^--(?:user|workdir|env|env-file|name|network|volume|publish|entrypoint|platform|mount)$/;
const KUBECTL_VALUES = /^-[a-zA-Z]*[nc]$|^--(?:namespace|container|context|kubeconfig)$/;
const VALUE_OPTIONS: Record<string, RegExp> = {
  ssh: /^-[a-zA-Z]*[bcDEeFIiJLlmOopQRSWw]$/,
  sudo: /^-[a-zA-Z]*[ugpCDhrtUT]$|^--(?:user|group|prompt|chdir|host|role|type|other-user)$/,
  psql: /^-[a-zA-Z]*[hpUd]$|^--(?:host|port|username|dbname)$/,
  mysql: /^-[a-zA-Z]*[hPuD]$|^--(?:host|port|user|database)$/,
  'redis-cli': /^-[a-zA-Z]*[hpanus]$|^--(?:user|pass)$/,
  docker: DOCKER_VALUES,
  podman: DOCKER_VALUES,
  nerdctl: DOCKER_VALUES,
  kubectl: KUBECTL_VALUES,
  oc: KUBECTL_VALUES,
};
// Options that give the program its input, so that it reads no typed lines.
const SCRIPTED: Record<string, RegExp> = {
  psql: /^-[a-zA-Z]*[cfl]$|^--(?:command|file|list|version|help)(?:=|$)/,
  mysql: /^-[a-zA-Z]*e$|^--(?:execute|version|help)(?:=|$)/,
  mariadb: /^-[a-zA-Z]*e$|^--(?:execute|version|help)(?:=|$)/,
  mongo: /^--(?:eval|file|version|help)(?:=|$)|\.js$/,
  mongosh: /^--(?:eval|file|version|help)(?:=|$)|\.js$/,
  sqlite3: /^-(?:cmd|version|help)$/,
  sqlcmd: /^-[QqiI]$/,
  cqlsh: /^(?:-[ef]|--(?:execute|file|version|help)(?:=|$))/,
};

/** The words after `program`'s options (and their values); all words after `--`. */
function positionals(program: string, args: string[]): string[] {
  const takesValue = VALUE_OPTIONS[program];
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return [...out, ...args.slice(i + 1)];
    if (!arg.startsWith('-') || arg === '-') out.push(arg);
    else if (takesValue?.test(arg)) i++;
  }
  return out;
}

function opensSession(program: string, args: string[]): boolean {
  const name = program.split('/').pop() ?? program;
  if (SHELLS.has(name)) return !args.some((a) => !a.startsWith('-') || /^-[a-zA-Z]*c$/.test(a));
  if (name === 'ssh') return positionals('ssh', args).length === 1;
  if (name === 'su') return !args.some((a) => /^-[a-zA-Z]*c$|^--(?:session-)?command(?:=|$)/.test(a));
  if (name === 'sudo') {
    const inner = positionals('sudo', args)[0];
    if (inner === undefined) return args.some((a) => /^-[a-zA-Z]*[is]/.test(a) || a === '--login' || a === '--shell');
    return opensSession(inner, args.slice(args.indexOf(inner) + 1));
  }
  // `gcloud compute ssh vm-1`, `aws ssm start-session --target i-0abc`, `vagrant ssh`.
  if (name === 'gcloud') return args[0] === 'compute' && args[1] === 'ssh' && !args.some((a) => /^--command(?:=|$)/.test(a));
  if (name === 'aws') return args[0] === 'ssm' && args[1] === 'start-session' && !args.some((a) => /^--document-name(?:=|$)/.test(a));
  if (name === 'vagrant') return args[0] === 'ssh' && !args.some((a) => /^(?:-c|--command)(?:=|$)/.test(a));
  if (['kubectl', 'oc', 'docker', 'podman', 'nerdctl'].includes(name) && (args[0] === 'exec' || args[0] === 'run')) {
    const tty = args.some((a) => /^-[a-zA-Z]*t[a-zA-Z]*$/.test(a) || a === '--tty');
    // `kubectl exec -it pod -- sh`, `docker run -it --rm image sh`: the command after the target.
    const command = args.includes('--') ? args.slice(args.indexOf('--') + 1) : positionals(name, args.slice(1)).slice(1);
    return tty && command[0] !== undefined && opensSession(command[0], command.slice(1));
  }
  if (!REPLS.has(name) || args.some((a) => SCRIPTED[name]?.test(a))) return false;
  if (name === 'redis-cli') return !positionals(name, args).length;
  if (name === 'python' || name === 'python3' || name === 'node' || name === 'irb') return !args.length;
  return true;
}

/** `command` (continuations joined) when it opens a session that reads typed lines. */
function sessionOf(command: string): string | undefined {
  const line = command.replace(/\\\n\s*/g, ' ').trim();
  // Input given on the line (`psql < x.sql`, `ssh db01 <<'EOF'`) or a pipeline is not typed.
  if (!line || line.startsWith('#') || /[<|;\n]|&&/.test(line)) return undefined;
  const words = line.split(/\s+/);
  while (words.length > 1 && /^[A-Za-z_]\w*=/.test(words[0] as string)) words.shift();
  const [program = '', ...args] = words;
  return opensSession(program, args) ? line : undefined;
}

/** Commands of a script, one per entry, their continuation lines joined. */
function commandsOf(code: string): string[] {
  const scanned = scanShell(code);
  if (!scanned) return logicalLines(code);
  const commands: string[] = [];
  code.split('\n').forEach((line, i) => {
    if (scanned[i]?.top || !commands.length) commands.push(line);
    else commands[commands.length - 1] += `\n${line}`;
  });
  return commands;
}

/**
 * The first command of a script that opens a session with more commands after it, or
 * undefined. A session opener on the last line is left to run: nothing was meant to be typed.
 */
export function sessionOpener(code: string): string | undefined {
  const commands = commandsOf(code).filter((l) => l.trim() && !/^\s*#/.test(l));
  const index = commands.findIndex((c) => sessionOf(c));
  return index >= 0 && index < commands.length - 1 ? sessionOf(commands[index] as string) : undefined;
}

export interface TypedCommand {
  run: string[];
  output: string[];
  comments: string[];
}

/**
 * In a terminal session: the first command that opens a session with anything after it (what
 * was typed in it, shown as further prompts, or what it printed), or undefined.
 */
export function promptedSessionOpener(prompts: TypedCommand[]): string | undefined {
  const shown = prompts.filter((p) => p.run.length || p.comments.length || p.output.some((l) => l.trim()));
  for (const [i, prompt] of shown.entries()) {
    const opener = prompt.run.length ? sessionOf(prompt.run.join('\n')) : undefined;
    if (opener && (i < shown.length - 1 || prompt.output.some((l) => l.trim()))) return opener;
  }
  return undefined;
}
