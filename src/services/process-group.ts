// Starting a shell command in its own process group, and signalling the whole group.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export type ShellChild = ChildProcessByStdio<null, Readable, Readable>;

/**
 * How every command runs, checks, soak runs and drill faults alike: `/bin/sh -e -c command`. `-e`
 * (errexit, as GitHub Actions' default `bash -e`): the first simple command that fails ends the
 * run with its exit code, so `curl -f …` on one line and `echo checked` on the next fails when
 * curl does; without it only the last line's exit code counted. A failure the command tests for
 * (an `if` or `while` condition, after `!`, before `||` or `&&`) or that a pipeline hides (all but
 * its last command) does not end it; `set +e` turns errexit off. Recorded in each command.started
 * event as `shell`; evidence without it ran under `/bin/sh -c`. The report (report-checks.ts) keys
 * its wording on this exact text.
 */
const SHELL_ARGV = ['/bin/sh', '-e', '-c'] as const;
const SHELL_FLAGS = SHELL_ARGV.slice(1);
export const SHELL = SHELL_ARGV.join(' ');

/**
 * The environment commands inherit, read once: reading `process.env` goes through the runtime for
 * every variable (about 0.2 ms a spawn, a tenth of a 300-item run's own overhead). cutover never
 * changes its environment while it runs commands.
 */
let inherited: Record<string, string> | undefined;
function inheritedEnv(): Record<string, string> {
  if (!inherited) {
    inherited = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) inherited[name] = value;
  }
  return inherited;
}

/**
 * `SHELL` (not $SHELL: the same shell for every operator), stdin /dev/null, in a new session and so
 * a new process group (`detached`): the group can be killed as a whole, and the command cannot read
 * the operator's terminal. Plain child_process.spawn rather than execa: execa adds about 1 ms per
 * spawn, a third of the cost of spawning `sh -c true`, and a 300-item checklist must stay within
 * 1.3x of a bare spawn loop; nothing execa adds is needed here.
 */
export function spawnShell(command: string, cwd: string, env: Record<string, string | undefined>): ShellChild {
  const merged: Record<string, string> = { ...inheritedEnv() };
  for (const [name, value] of Object.entries(env)) {
    // An undefined value unsets the variable (spawn would pass the string "undefined").
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return spawn(SHELL_ARGV[0], [...SHELL_FLAGS, command], { cwd, env: merged, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

/** Sends a signal to the process group led by pid; false when nothing is left to signal. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}
