// Starting a shell command in its own process group, and signalling the whole group.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export type ShellChild = ChildProcessByStdio<null, Readable, Readable>;

/**
 * `/bin/sh -c command` (not $SHELL: the same shell for every operator), stdin /dev/null, in a new
 * session and so a new process group (`detached`): the group can be killed as a whole, and the
 * command cannot read the operator's terminal. Plain child_process.spawn rather than execa: execa
 * adds about 1 ms per spawn, a third of the cost of spawning `sh -c true`, and a 300-item checklist
 * must stay within 1.3x of a bare spawn loop; nothing execa adds is needed here.
 */
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

export function spawnShell(command: string, cwd: string, env: Record<string, string | undefined>): ShellChild {
  const merged: Record<string, string> = { ...inheritedEnv() };
  for (const [name, value] of Object.entries(env)) {
    // An undefined value unsets the variable (spawn would pass the string "undefined").
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return spawn('/bin/sh', ['-c', command], { cwd, env: merged, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
