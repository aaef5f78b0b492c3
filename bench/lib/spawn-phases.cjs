// Preloaded (`node -r`) into a process that spawns commands one after another: records where its
// wall time goes (start-up to the first spawn, each spawn() call, the wait for the child's close,
// the work between one close and the next spawn, fdatasync) and writes it as JSON to the file
// named by SPAWN_PHASES_OUT when the process exits. For the benchmark's breakdown only: it
// patches node:child_process and node:fs in place, which is why the timed runs go without it.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const { performance } = require('node:perf_hooks');

const phases = { spawns: 0, firstSpawnMs: 0, spawnCallMs: 0, waitMs: 0, betweenMs: 0, fdatasyncs: 0, fdatasyncMs: 0, lastCloseMs: 0 };
let lastClose;

const spawn = childProcess.spawn;
childProcess.spawn = function timedSpawn(...args) {
  const start = performance.now();
  if (phases.spawns++ === 0) phases.firstSpawnMs = start;
  else if (lastClose !== undefined) phases.betweenMs += start - lastClose;
  lastClose = undefined;
  const child = spawn.apply(this, args);
  const spawned = performance.now();
  phases.spawnCallMs += spawned - start;
  child.on('close', () => {
    lastClose = performance.now();
    phases.waitMs += lastClose - spawned;
    phases.lastCloseMs = lastClose;
  });
  return child;
};

const fdatasyncSync = fs.fdatasyncSync;
fs.fdatasyncSync = function timedFdatasync(...args) {
  const start = performance.now();
  try {
    return fdatasyncSync.apply(this, args);
  } finally {
    phases.fdatasyncs++;
    phases.fdatasyncMs += performance.now() - start;
  }
};
syncBuiltinESMExports();

process.on('exit', () => {
  const out = process.env.SPAWN_PHASES_OUT;
  if (out) fs.writeFileSync(out, JSON.stringify({ ...phases, exitMs: performance.now() }));
});
