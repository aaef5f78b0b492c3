// The demo service: a tiny key/value HTTP server on 127.0.0.1 that runs as its `legacy` or its
// `new` runtime. Started detached by `demo.mjs start`; never run it by hand. It exits by itself
// after an idle timeout, when its state directory disappears, or when another instance replaces it.
import { existsSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RUNTIMES, readJson, writeJsonAtomic } from './lib/state.mjs';

const { values: opts } = parseArgs({
  options: { dir: { type: 'string' }, runtime: { type: 'string' }, session: { type: 'string' }, port: { type: 'string' }, 'idle-seconds': { type: 'string' } },
});
const dir = opts.dir ?? '';
const runtime = opts.runtime ?? '';
if (!path.isAbsolute(dir) || !existsSync(dir) || !(runtime in RUNTIMES)) {
  console.error(`service: bad arguments (--dir ${dir} --runtime ${runtime})`);
  process.exit(2);
}
const file = (name) => path.join(dir, name);
const idleMs = Math.max(1, Number(opts['idle-seconds']) || 900) * 1000;
const MAX_BODY = 64 * 1024;
const KEY = /^[A-Za-z0-9._-]{1,64}$/;

let data = readJson(file('data.json')) ?? {};
let lastRequestAt = Date.now();
let requests = 0;
let port = 0;
let closing = false;

const log = (line) => console.log(`${new Date().toISOString()} [${runtime} pid ${process.pid}] ${line}`);
/** The injected fault only ever affects the new runtime: the legacy one is the known-good path. */
const fault = () => (runtime === 'new' ? readJson(file('fault.json'))?.kind : undefined);
const saveData = () => writeJsonAtomic(file('data.json'), data);

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'x-demo-runtime': runtime, connection: 'close' });
  res.end(type.startsWith('text/') ? `${body}\n` : body);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleData(req, res, key) {
  if (!KEY.test(key)) return send(res, 400, 'bad key: use 1-64 letters, digits, ".", "_" or "-"');
  if (req.method === 'GET') return key in data ? send(res, 200, data[key].value) : send(res, 404, `no record ${key}`);
  if (req.method === 'DELETE') {
    if (!(key in data)) return send(res, 404, `no record ${key}`);
    delete data[key];
    saveData();
    return send(res, 200, `deleted ${key}`);
  }
  if (req.method !== 'PUT') return send(res, 405, 'use GET, PUT or DELETE');
  const value = await readBody(req).catch(() => undefined);
  if (value === undefined) return send(res, 413, `body larger than ${MAX_BODY} bytes`);
  // The fault is silent on purpose: the write "succeeds" and only a read-back shows the damage.
  const corrupted = fault() === 'data';
  data[key] = { value: corrupted ? `${[...value].reverse().join('')}~garbled` : value, runtime, corrupted };
  if (corrupted) log(`wrote a corrupted record ${key} (injected fault)`);
  saveData();
  return send(res, 200, `stored ${key}`);
}

function status() {
  const records = Object.keys(data).length;
  const corrupted = Object.values(data).filter((r) => r.corrupted).length;
  const idleLeftMs = Math.max(0, idleMs - (Date.now() - lastRequestAt));
  return { session: opts.session, runtime, version: RUNTIMES[runtime], pid: process.pid, port, requests, records, corrupted, fault: readJson(file('fault.json'))?.kind ?? null, idleLeftMs };
}

async function handle(req, res) {
  lastRequestAt = Date.now();
  requests += 1;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/data/')) return handleData(req, res, decodeURIComponent(url.pathname.slice(6)));
  if (req.method !== 'GET') return send(res, 405, 'use GET');
  if (url.pathname === '/health') {
    if (fault() === 'health') return send(res, 503, `unhealthy runtime=${runtime}: storage backend unreachable (injected fault)`);
    return send(res, 200, `ok runtime=${runtime}`);
  }
  if (url.pathname === '/version') return send(res, 200, `runtime=${runtime} version=${RUNTIMES[runtime]}`);
  if (url.pathname === '/status') return send(res, 200, JSON.stringify(status()), 'application/json');
  return send(res, 404, 'not found: try /health, /version, /status or /data/<key>');
}

function shutdown(reason, detail) {
  if (closing) return;
  closing = true;
  log(`exiting: ${detail}`);
  const mine = readJson(file('service.json'))?.pid === process.pid;
  if (mine && existsSync(dir)) {
    rmSync(file('service.json'), { force: true });
    writeJsonAtomic(file('last-exit.json'), { reason, detail, runtime, pid: process.pid, at: new Date().toISOString() });
  }
  process.exit(0);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => send(res, 500, `internal error: ${err.message}`));
});

function listen(wanted) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

// Keep the port across a runtime switch when it is still free, so the URL an operator uses stays valid.
const wanted = Number(opts.port) || 0;
port = await listen(wanted).catch((err) => (wanted && err.code === 'EADDRINUSE' ? listen(0) : Promise.reject(err)));
writeJsonAtomic(file('service.json'), { pid: process.pid, port, runtime, version: RUNTIMES[runtime], session: opts.session, startedAt: new Date().toISOString(), idleSeconds: idleMs / 1000 });
log(`listening on http://127.0.0.1:${port} (exits after ${idleMs / 1000}s without requests)`);

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => shutdown('stopped', `stopped by ${signal}`));
process.on('SIGHUP', () => {}); // detached: a closing terminal must not take the service down mid-drill

setInterval(() => {
  if (!existsSync(dir)) return shutdown('orphaned', 'state directory removed');
  const owner = readJson(file('service.json'))?.pid;
  if (owner !== process.pid) return shutdown('replaced', owner ? `replaced by pid ${owner}` : 'service.json removed');
  if (Date.now() - lastRequestAt > idleMs) shutdown('idle', `idle timeout: no requests for ${idleMs / 1000}s`);
}, 1000).unref();
