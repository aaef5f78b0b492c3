// Operator helpers around the service: preflight gate, status, logs, and the drill's fault switch.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { request } from './http.mjs';
import { DemoError, ensureBaseDir, faultOf, inspect, notRunningMessage, requireStarted, writeJsonAtomic } from './state.mjs';

const FAULTS = {
  data: 'data writes are silently corrupted (a round-trip reads back garbage)',
  health: '/health answers 503',
};

function bindProbe() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function writableProbe() {
  const base = ensureBaseDir();
  const probe = path.join(base, `.probe-${process.pid}-${randomBytes(3).toString('hex')}`);
  writeFileSync(probe, 'ok', { mode: 0o600 });
  unlinkSync(probe);
  return base;
}

export async function preflight(paths) {
  const major = Number(process.versions.node.split('.')[0]);
  const checks = [
    ['node version', async () => {
      if (major < 20) throw new Error(`node ${process.version} is older than 20`);
      return `node ${process.version} (>= 20)`;
    }],
    ['free port', async () => `can listen on 127.0.0.1 (got free port ${await bindProbe()})`],
    ['state dir', async () => `${writableProbe()} is writable`],
  ];
  let failed = 0;
  for (const [name, run] of checks) {
    try {
      console.log(`preflight: ok    ${name}: ${await run()}`);
    } catch (err) {
      failed += 1;
      console.log(`preflight: FAIL  ${name}: ${err.message}`);
    }
  }
  const info = inspect(paths);
  console.log(`preflight: service for session "${paths.session}": ${info.kind === 'running' ? `running runtime=${info.service.runtime}` : info.kind === 'none' ? 'not started yet' : 'stopped'}`);
  if (failed > 0) throw new DemoError(`${failed} of ${checks.length} checks failed`);
  console.log(`preflight: all ${checks.length} checks passed`);
  return 0;
}

export async function status(paths) {
  const info = inspect(paths);
  if (info.kind !== 'running') throw new DemoError(notRunningMessage(info));
  const res = await request(info.service.port, 'GET', '/status').catch((err) => {
    throw new DemoError(`process ${info.service.pid} is alive but does not answer: ${err.message}`);
  });
  const s = JSON.parse(res.body);
  const fault = s.fault ? `${s.fault} (${s.runtime === 'new' ? 'active' : 'armed for the new runtime'})` : 'none';
  console.log(`status: running runtime=${s.runtime} version=${s.version} target=${info.state.target} pid=${s.pid} port=${s.port}`);
  console.log(`status: records=${s.records} corrupted=${s.corrupted} fault=${fault} requests=${s.requests} idle-exit-in=${Math.round(s.idleLeftMs / 1000)}s dir=${paths.dir}`);
  return 0;
}

export async function injectFault(paths, kind = 'data') {
  if (!(kind in FAULTS)) throw new DemoError(`--kind must be one of ${Object.keys(FAULTS).join(', ')} (got "${kind}")`, 2);
  const info = requireStarted(paths);
  const previous = faultOf(paths);
  writeJsonAtomic(paths.fault, { kind, at: new Date().toISOString() });
  const runtime = info.kind === 'running' ? info.service.runtime : undefined;
  const when = runtime === 'new' ? 'active now (runtime=new)' : `takes effect when the new runtime serves (now ${runtime ?? 'stopped'})`;
  const again = previous === kind ? ' (was already injected)' : '';
  console.log(`inject-fault: injected "${kind}" fault into the new runtime${again}: ${FAULTS[kind]}; ${when}`);
  return 0;
}

export async function clearFault(paths) {
  requireStarted(paths);
  const previous = faultOf(paths);
  rmSync(paths.fault, { force: true });
  console.log(previous ? `clear-fault: fixed: the new runtime no longer has the "${previous}" fault` : 'clear-fault: no fault was injected; nothing to do');
  return 0;
}

export async function logs(paths, linesText = '20') {
  const lines = Number(linesText);
  if (!(Number.isInteger(lines) && lines > 0)) throw new DemoError(`--lines must be a positive whole number (got "${linesText}")`, 2);
  requireStarted(paths);
  let text = '';
  try {
    text = readFileSync(paths.log, 'utf8');
  } catch {
    // no log yet
  }
  const tail = text.trimEnd().split('\n').filter(Boolean).slice(-lines);
  console.log(`logs: last ${tail.length} line(s) of ${paths.log}`);
  for (const line of tail) console.log(line);
  return 0;
}
