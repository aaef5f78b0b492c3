// Smoke checks against the running service: health, version, data round-trip, and a short soak.
import { randomBytes } from 'node:crypto';
import { request } from './http.mjs';
import { DemoError, RUNTIMES, requireRunning } from './state.mjs';

const EXPECTATIONS = [...Object.keys(RUNTIMES), 'target'];

async function probeHealth(port) {
  const res = await request(port, 'GET', '/health');
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.trim()}`);
  return res;
}

/** PUT a random value, GET it back, DELETE it when it matches. A mismatch keeps the record as evidence. */
async function probeRoundtrip(port, runtime) {
  const key = `roundtrip-${randomBytes(4).toString('hex')}`;
  const value = `demo-${randomBytes(8).toString('hex')}`;
  const put = await request(port, 'PUT', `/data/${key}`, value);
  if (put.status !== 200) throw new Error(`write of ${key} failed: HTTP ${put.status}: ${put.body.trim()}`);
  const got = await request(port, 'GET', `/data/${key}`);
  const read = got.body.replace(/\n$/, '');
  if (got.status !== 200) throw new Error(`read of ${key} failed: HTTP ${got.status}: ${read}`);
  if (read !== value) {
    throw new Error(`wrote "${value}" to ${key} but read back "${read}" (runtime=${runtime}): data written by this runtime is corrupt`);
  }
  await request(port, 'DELETE', `/data/${key}`);
  return put.ms + got.ms;
}

async function check(body) {
  try {
    return await body();
  } catch (err) {
    throw new DemoError(`FAILED: ${err.message}`);
  }
}

export async function health(paths) {
  const { service } = requireRunning(paths);
  const res = await check(() => probeHealth(service.port));
  console.log(`health: ${res.body.trim()} (http://127.0.0.1:${service.port}/health, ${res.ms} ms)`);
  return 0;
}

export async function version(paths, expect) {
  if (expect !== undefined && !EXPECTATIONS.includes(expect)) {
    throw new DemoError(`--expect must be one of ${EXPECTATIONS.join(', ')} (got "${expect}")`, 2);
  }
  const { service, state } = requireRunning(paths);
  const res = await check(() => request(service.port, 'GET', '/version'));
  const answer = res.body.trim();
  const runtime = /runtime=(\S+)/.exec(answer)?.[1];
  const wanted = expect === 'target' ? state.target : expect;
  if (wanted === undefined) {
    console.log(`version: ${answer}`);
    return 0;
  }
  const label = expect === 'target' ? `the target runtime: ${wanted}` : `runtime=${wanted}`;
  if (runtime !== wanted) throw new DemoError(`${answer}, expected ${label}`);
  console.log(`version: ${answer} (matches ${label})`);
  return 0;
}

export async function roundtrip(paths) {
  const { service } = requireRunning(paths);
  const ms = await check(() => probeRoundtrip(service.port, service.runtime));
  console.log(`roundtrip ok: wrote, read back and deleted one record (runtime=${service.runtime}, ${ms} ms)`);
  return 0;
}

/** Health plus round-trip in a loop for a few seconds: short enough to run as a watch item. */
export async function soak(paths, secondsText = '1') {
  const seconds = Number(secondsText);
  if (!(seconds > 0 && seconds <= 4)) throw new DemoError(`--seconds must be a number above 0 and at most 4 (got "${secondsText}")`, 2);
  const { service } = requireRunning(paths);
  const started = Date.now();
  const latencies = [];
  const failures = [];
  while (Date.now() - started < seconds * 1000) {
    try {
      const res = await probeHealth(service.port);
      latencies.push(res.ms + (await probeRoundtrip(service.port, service.runtime)));
    } catch (err) {
      failures.push(err.message);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const rounds = latencies.length + failures.length;
  const sorted = [...latencies].sort((a, b) => a - b);
  const timing = sorted.length ? `, p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms` : '';
  const summary = `${rounds} rounds in ${((Date.now() - started) / 1000).toFixed(1)}s, ${failures.length} failed${timing} (runtime=${service.runtime})`;
  if (failures.length > 0) throw new DemoError(`FAILED: ${summary}; first failure: ${failures[0]}`);
  console.log(`soak ok: ${summary}`);
  return 0;
}
