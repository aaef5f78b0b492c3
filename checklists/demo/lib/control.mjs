// Starting, stopping and switching the detached service process, and repairing its data.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { DemoError, SERVICE_SCRIPT, isOurService, readJson, writeJsonAtomic } from './state.mjs';

const START_WAIT_MS = 3000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function idleSeconds() {
  const fromEnv = Number(process.env.CUTOVER_DEMO_IDLE_SECONDS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 15 * 60;
}

function logTail(file, lines = 5) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join(' | ');
  } catch {
    return '(no log)';
  }
}

/** Spawns the service in its own process group (so a runner killing our group spares it) and waits until it listens. */
export async function spawnService(paths, runtime, preferredPort) {
  const args = [SERVICE_SCRIPT, '--dir', paths.dir, '--runtime', runtime, '--session', paths.session, '--idle-seconds', String(idleSeconds())];
  if (preferredPort) args.push('--port', String(preferredPort));
  const logFd = openSync(paths.log, 'a', 0o600);
  let exited;
  try {
    // stdio goes to the log file, never to our pipes: a runner waiting for EOF must not wait for the service.
    const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', logFd, logFd], cwd: paths.dir, env: { PATH: process.env.PATH ?? '' } });
    child.on('exit', (code, signal) => (exited = signal ?? `exit code ${code}`));
    child.unref();
    const deadline = Date.now() + START_WAIT_MS;
    while (Date.now() < deadline && !exited) {
      const service = readJson(paths.service);
      if (service?.pid === child.pid) return service;
      await sleep(20);
    }
    if (!exited) child.kill('SIGKILL');
    const why = exited ? `it exited (${exited})` : `it did not listen within ${START_WAIT_MS / 1000}s`;
    throw new DemoError(`could not start the ${runtime} runtime: ${why}; log: ${logTail(paths.log)}`);
  } finally {
    closeSync(logFd);
  }
}

async function waitGone(pid, dir, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isOurService(pid, dir)) return true;
    await sleep(20);
  }
  return !isOurService(pid, dir);
}

/** SIGTERM, then SIGKILL if it lingers. Only ever signals a process proven to be this session's service. */
export async function stopService(paths, service) {
  if (!service || !isOurService(service.pid, paths.dir)) return false;
  try {
    process.kill(service.pid, 'SIGTERM');
  } catch {
    return false;
  }
  if (!(await waitGone(service.pid, paths.dir, 1500))) {
    try {
      process.kill(service.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await waitGone(service.pid, paths.dir, 500);
  }
  if (readJson(paths.service)?.pid === service.pid) rmSync(paths.service, { force: true });
  return true;
}

export function corruptedRecords(paths) {
  const data = readJson(paths.data) ?? {};
  return Object.keys(data).filter((key) => data[key]?.corrupted);
}

/** Drops records the faulty new runtime wrote garbled. Only while no service holds the data in memory. */
export function discardCorrupted(paths) {
  const keys = corruptedRecords(paths);
  if (keys.length === 0 || !existsSync(paths.data)) return [];
  const data = readJson(paths.data) ?? {};
  for (const key of keys) delete data[key];
  writeJsonAtomic(paths.data, data);
  return keys;
}

/** Stops whatever runs, optionally repairs data, and starts `runtime` on the same port when possible. */
export async function restartAs(info, runtime, { repair = false } = {}) {
  const { paths } = info;
  writeJsonAtomic(paths.state, { ...info.state, target: runtime, updatedAt: new Date().toISOString() });
  const before = info.kind === 'running' ? info.service : undefined;
  if (before) await stopService(paths, before);
  const discarded = repair ? discardCorrupted(paths) : [];
  rmSync(paths.lastExit, { force: true });
  const service = await spawnService(paths, runtime, info.service?.port);
  return { before, service, discarded };
}
