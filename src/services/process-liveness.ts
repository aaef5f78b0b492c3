// Is the process that wrote a lock still there? On Linux the boot id and the process start time
// see through pid reuse (after a reboot, or in containers where every run gets the same pid).
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface ProcessIdentity {
  pid: number;
  host: string;
  bootId?: string;
  procStart?: string;
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Fields of /proc/<pid>/stat after "pid (comm)": [0] is the state (field 3), [19] the start time (field 22). */
function procFields(pid: number): string[] | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function procStartOf(pid: number): string | undefined {
  return procFields(pid)?.[19];
}

/**
 * A killed process whose parent has not reaped it (a container whose pid 1 reaps nothing) stays a
 * zombie: signal 0 still reaches it, but it holds nothing and will never release a lock.
 */
function isZombie(pid: number): boolean {
  const state = procFields(pid)?.[0];
  return state === 'Z' || state === 'X';
}

export const bootId = readProc('/proc/sys/kernel/random/boot_id')?.trim();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True only when the holder is certainly gone. */
export function holderIsGone(holder: ProcessIdentity): boolean {
  if (holder.host !== hostname()) return false;
  if (bootId && holder.bootId && holder.bootId !== bootId) return true;
  if (!pidAlive(holder.pid) || isZombie(holder.pid)) return true;
  const start = procStartOf(holder.pid);
  return !!(start && holder.procStart && start !== holder.procStart);
}
