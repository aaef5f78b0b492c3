// 300 runs of `true` through the runner (process group, log file, hashing, expectation) vs the
// floor for any Node tool: a bare child_process.spawn('sh', ['-c', 'true']) loop in one script;
// also vs a plain shell loop. Target for the whole engine (events included): <= 1.3x the spawn
// loop; this measures the runner's share of it. Measurement only, no assertions.
// Usage: node bench/runner-spawn.mjs [--json] [--count N] [--runs N]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleRunner } from '../test/runner/fixtures/bundle-runner.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const count = arg('--count', 300);
const runs = arg('--runs', 3);
const work = mkdtempSync(join(process.env.CUTOVER_BENCH_DIR ?? tmpdir(), 'cutover-bench-spawn-'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function bareLoop() {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    await new Promise((resolve, reject) => {
      const child = spawn('sh', ['-c', 'true']);
      child.on('error', reject);
      child.on('close', resolve);
    });
  }
  return performance.now() - start;
}

function shellLoop() {
  const start = performance.now();
  spawnSync('sh', ['-c', `i=0; while [ $i -lt ${count} ]; do sh -c true; i=$((i+1)); done`]);
  return performance.now() - start;
}

async function runnerLoop(runCommand, redactor, round) {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const outcome = await runCommand({ command: 'true', cwd: work, logPath: join(work, `r${round}`, `${i}.log`), redactor });
    if (outcome.result !== 'pass') throw new Error(outcome.reasons.join('; '));
  }
  return performance.now() - start;
}

try {
  const { runCommand, createRedactor } = await import(await bundleRunner(join(work, 'runner.mjs')));
  const redactor = createRedactor({ env: process.env });
  await bareLoop(); // warm-up: page cache, JIT
  await runnerLoop(runCommand, redactor, 'warm');
  const bare = [];
  const ours = [];
  const shell = [];
  for (let round = 0; round < runs; round++) {
    bare.push(await bareLoop());
    ours.push(await runnerLoop(runCommand, redactor, round));
    shell.push(shellLoop());
  }
  const [bareMs, oursMs, shellMs] = [median(bare), median(ours), median(shell)];
  const result = {
    name: `${count} runs of true`,
    bareSpawnMs: Math.round(bareMs),
    shellLoopMs: Math.round(shellMs),
    runnerMs: Math.round(oursMs),
    ratio: +(oursMs / bareMs).toFixed(2),
    ratioVsShell: +(oursMs / shellMs).toFixed(2),
    perRunOverheadMs: +((oursMs - bareMs) / count).toFixed(2),
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`${result.name}: bare spawn loop ${result.bareSpawnMs} ms, shell loop ${result.shellLoopMs} ms, runner ${result.runnerMs} ms (median of ${runs})`);
    console.log(`  runner vs spawn loop ${result.ratio}x, vs shell loop ${result.ratioVsShell}x; runner overhead ${result.perRunOverheadMs} ms per run`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
