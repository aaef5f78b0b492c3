// Where a demo session keeps its state and how to read it. Everything lives in one directory per
// session under the OS temp dir; nothing else on the machine is touched.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_CLI = fileURLToPath(new URL('../demo.mjs', import.meta.url));
export const SERVICE_SCRIPT = fileURLToPath(new URL('../service.mjs', import.meta.url));
export const RUNTIMES = { legacy: '1.9.3', new: '2.0.0' };

/** A user error: printed as one line, exit code as given (1 failed, 2 usage). */
export class DemoError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** Per user, so that two people on one bastion host never share (or hijack) a state directory. */
export function baseDir() {
  const uid = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  return path.join(os.tmpdir(), `cutover-demo${uid}`);
}

/** Session ids become directory names: unusual ones are slugged and made unique with a hash. */
export function sessionDirName(session) {
  if (SAFE_NAME.test(session)) return session;
  const slug = session.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '').slice(0, 40) || 'session';
  return `${slug}-${createHash('sha256').update(session).digest('hex').slice(0, 10)}`;
}

export function sessionPaths(session) {
  const dir = path.join(baseDir(), sessionDirName(session));
  const file = (name) => path.join(dir, name);
  return {
    session,
    dir,
    state: file('state.json'),
    service: file('service.json'),
    data: file('data.json'),
    fault: file('fault.json'),
    log: file('service.log'),
    lastExit: file('last-exit.json'),
  };
}

/** Creates the per-user base directory (0700) and refuses one that someone else owns. */
export function ensureBaseDir() {
  const base = baseDir();
  mkdirSync(base, { recursive: true, mode: 0o700 });
  const st = lstatSync(base);
  const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
  if (!st.isDirectory() || !mine) {
    throw new DemoError(`unsafe state directory ${base}: not a directory owned by you; remove it and retry`);
  }
  return base;
}

export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function writeJsonAtomic(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // ESRCH: gone; EPERM: someone else's process, so not ours
  }
}

/** True only for a live (not zombie) service process of this very state directory. */
export function isOurService(pid, dir) {
  if (!isAlive(pid)) return false;
  if (!existsSync('/proc/self')) return true; // no procfs (macOS): the pid is all we can check
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('service.mjs') && cmdline.includes(dir);
  } catch {
    return false;
  }
}

/** none: never started (or stopped); stopped: state kept but the process is gone; running. */
export function inspect(paths) {
  if (!existsSync(paths.state)) return { kind: 'none', paths };
  const service = readJson(paths.service);
  const state = readJson(paths.state) ?? { target: service?.runtime ?? 'legacy' };
  if (service && isOurService(service.pid, paths.dir)) return { kind: 'running', paths, state, service };
  return { kind: 'stopped', paths, state, service, lastExit: readJson(paths.lastExit) };
}

export function faultOf(paths) {
  return readJson(paths.fault)?.kind;
}

export function shellWord(text) {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

export function demoCommand(subcommand, session) {
  return `node ${shellWord(DEMO_CLI)} ${subcommand} --session ${shellWord(session)}`;
}

/** The service must be up; otherwise a message that says why and what to run. */
export function requireRunning(paths) {
  const info = inspect(paths);
  if (info.kind === 'running') return info;
  throw new DemoError(notRunningMessage(info));
}

/** State must exist (the service may be down). */
export function requireStarted(paths) {
  const info = inspect(paths);
  if (info.kind === 'none') throw new DemoError(notRunningMessage(info));
  return info;
}

export function notRunningMessage(info) {
  const { session } = info.paths;
  const restart = `start it with: ${demoCommand('start', session)}`;
  if (info.kind === 'none') return `no demo service for session "${session}" (never started, or stopped); ${restart}`;
  const why = info.lastExit ? `it exited: ${info.lastExit.detail}` : `process ${info.service?.pid ?? '?'} is gone`;
  return `the demo service for session "${session}" is not running (${why}); ${restart}`;
}
