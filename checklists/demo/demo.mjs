#!/usr/bin/env node
// The demo cutover's command line: one tiny local service switched from its legacy runtime to its
// new one. Plain Node, no dependencies. Every subcommand finishes within 5 seconds.
// Exit codes: 0 ok, 1 check failed / not running, 2 usage.
import { parseArgs } from 'node:util';
import { health, roundtrip, soak, version } from './lib/checks.mjs';
import { rollback, rollforward, start, stop, switchToNew } from './lib/lifecycle.mjs';
import { clearFault, injectFault, logs, preflight, status } from './lib/ops.mjs';
import { DemoError, sessionPaths } from './lib/state.mjs';

const WATCHDOG_MS = 4900;

const COMMANDS = {
  start: { run: (p) => start(p), help: 'start the service detached in its legacy runtime (no-op if running)' },
  preflight: { run: (p) => preflight(p), help: 'gate: node version, a free port on 127.0.0.1, writable state dir' },
  switch: { run: (p) => switchToNew(p), help: 'the cutover: restart the service as its new runtime' },
  health: { run: (p) => health(p), help: 'GET /health must answer 200' },
  version: { run: (p, o) => version(p, o.expect), options: ['expect'], help: 'print the runtime; --expect legacy|new|target fails on a mismatch' },
  roundtrip: { run: (p) => roundtrip(p), help: 'write a random value and read it back' },
  soak: { run: (p, o) => soak(p, o.seconds), options: ['seconds'], help: 'health + round-trip in a loop for --seconds N (max 4, default 1)' },
  status: { run: (p) => status(p), help: 'one-screen status; exit 1 when not running' },
  logs: { run: (p, o) => logs(p, o.lines), options: ['lines'], help: "tail of the service's log (--lines N, default 20)" },
  'inject-fault': { run: (p, o) => injectFault(p, o.kind), options: ['kind'], help: 'break the new runtime: --kind data (default: writes corrupt) or health (503)' },
  'clear-fault': { run: (p) => clearFault(p), help: "fix the new runtime's injected fault" },
  rollback: { run: (p) => rollback(p), help: 'back to the legacy runtime; discards records the new runtime corrupted' },
  rollforward: { run: (p) => rollforward(p), help: 'to the new runtime again (refused while a fault is injected)' },
  stop: { run: (p) => stop(p), help: "stop the service and delete the session's state" },
};

function usage() {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.help}`);
  return ['usage: node demo.mjs <command> --session <id> [options]', '', 'commands:', ...lines].join('\n');
}

async function main(argv) {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new DemoError(`unknown command "${name}"\n${usage()}`, 2);
  const allowed = ['session', ...(command.options ?? [])];
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: Object.fromEntries(allowed.map((o) => [o, { type: 'string' }])), strict: true }));
  } catch (err) {
    throw new DemoError(`${err.message.split('\n')[0]} (options: ${allowed.map((o) => `--${o}`).join(' ')})`, 2);
  }
  if (!values.session?.trim()) throw new DemoError('--session <id> is required (the cutover session id, e.g. {{session}})', 2);
  return command.run(sessionPaths(values.session), values);
}

const name = process.argv[2] ?? 'demo';
setTimeout(() => {
  console.error(`${name}: gave up after ${WATCHDOG_MS / 1000}s`);
  process.exit(1);
}, WATCHDOG_MS).unref();

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const known = err instanceof DemoError;
  console.error(`${name}: ${known ? err.message : `unexpected error: ${err?.message ?? err}`}`);
  if (!known && process.env.DEBUG) console.error(err);
  process.exitCode = known ? err.exitCode : 1;
}
