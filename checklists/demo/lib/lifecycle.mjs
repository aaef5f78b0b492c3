// Subcommands that change which runtime serves: start, switch, rollback, rollforward, stop.
import { mkdirSync, rmdirSync, rmSync, existsSync } from 'node:fs';
import { corruptedRecords, idleSeconds, restartAs, spawnService, stopService } from './control.mjs';
import { DemoError, baseDir, demoCommand, ensureBaseDir, faultOf, inspect, requireRunning, requireStarted, writeJsonAtomic } from './state.mjs';

const url = (service) => `http://127.0.0.1:${service.port}`;
const describe = (service) => `runtime=${service.runtime} version=${service.version} on ${url(service)} (pid ${service.pid})`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const listed = (keys) => (keys.length > 3 ? `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more` : keys.join(', '));

export async function start(paths) {
  const info = inspect(paths);
  if (info.kind === 'running') {
    console.log(`start: already running ${describe(info.service)}; nothing to do`);
    return 0;
  }
  ensureBaseDir();
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  // A service that died or idled out comes back as the runtime the operator last chose.
  const runtime = info.kind === 'stopped' ? (info.state.target ?? 'legacy') : 'legacy';
  if (info.kind === 'none') writeJsonAtomic(paths.state, { session: paths.session, target: runtime, createdAt: new Date().toISOString() });
  rmSync(paths.lastExit, { force: true });
  const service = await spawnService(paths, runtime, info.service?.port);
  console.log(`start: demo service running ${describe(service)}`);
  if (info.kind === 'stopped') console.log(`start: restarted: ${info.lastExit?.detail ?? `process ${info.service?.pid ?? '?'} had died`}`);
  console.log(`start: state in ${paths.dir}; it exits by itself after ${idleSeconds()}s without requests`);
  return 0;
}

export async function switchToNew(paths) {
  const info = requireRunning(paths);
  if (info.service.runtime === 'new') {
    console.log(`switch: already on ${describe(info.service)}; nothing to do`);
    return 0;
  }
  const { before, service } = await restartAs(info, 'new');
  console.log(`switch: legacy -> new: now serving ${describe(service)} (was pid ${before.pid})`);
  return 0;
}

export async function rollback(paths) {
  const info = requireStarted(paths);
  const corrupted = corruptedRecords(paths);
  if (info.kind === 'running' && info.service.runtime === 'legacy' && corrupted.length === 0) {
    console.log(`rollback: already on ${describe(info.service)}; nothing to do`);
    return 0;
  }
  // Works even when the new runtime has crashed: rollback must never depend on the broken side.
  const { before, service, discarded } = await restartAs(info, 'legacy', { repair: true });
  const from = before ? `${before.runtime} (pid ${before.pid})` : 'a stopped service';
  console.log(`rollback: ${from} -> legacy: now serving ${describe(service)}`);
  if (discarded.length > 0) console.log(`rollback: discarded ${plural(discarded.length, 'record')} corrupted by the new runtime: ${listed(discarded)}`);
  const fault = faultOf(paths);
  if (fault) console.log(`rollback: note: the new runtime still has the "${fault}" fault; fix it (clear-fault) before rolling forward`);
  return 0;
}

export async function rollforward(paths) {
  const info = requireStarted(paths);
  const fault = faultOf(paths);
  if (fault) {
    throw new DemoError(`refused: the new runtime still has the "${fault}" fault; fix it first: ${demoCommand('clear-fault', paths.session)}`);
  }
  if (info.kind === 'running' && info.service.runtime === 'new') {
    console.log(`rollforward: already on ${describe(info.service)}; nothing to do`);
    return 0;
  }
  const { before, service } = await restartAs(info, 'new');
  const from = before ? `${before.runtime} (pid ${before.pid})` : 'a stopped service';
  console.log(`rollforward: ${from} -> new: now serving ${describe(service)}`);
  return 0;
}

export async function stop(paths) {
  const info = inspect(paths);
  const stopped = info.kind === 'running' ? await stopService(paths, info.service) : false;
  const hadState = existsSync(paths.dir);
  rmSync(paths.dir, { recursive: true, force: true });
  try {
    rmdirSync(baseDir()); // only succeeds when no other session is left
  } catch {
    // other sessions still there, or already gone
  }
  const what = stopped ? `service pid ${info.service.pid} stopped` : 'no service was running';
  console.log(`stop: demo stopped for session "${paths.session}": ${what}; ${hadState ? `removed ${paths.dir}` : 'no state to remove'}`);
  return 0;
}
