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

function bareSpawn() {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', 'true']);
    child.on('error', reject);
    child.on('close', resolve);
  });
}

function shellLoop() {
  const start = performance.now();
  spawnSync('sh', ['-c', `i=0; while [ $i -lt ${count} ]; do sh -c true; i=$((i+1)); done`]);
  return performance.now() - start;
}

/**
 * The two loops are interleaved in blocks of 10, so that a load spike on a shared machine hits
 * both alike; each round's totals give one ratio.
 */
async function round(runCommand, redactor, name) {
  const totals = { bareMs: 0, oursMs: 0, bareCpuMs: 0, oursCpuMs: 0 };
  const timed = async (kind, body) => {
    const [start, cpu] = [performance.now(), process.cpuUsage()];
    await body();
    const used = process.cpuUsage(cpu);
    totals[`${kind}Ms`] += performance.now() - start;
    totals[`${kind}CpuMs`] += (used.user + used.system) / 1000;
  };
  for (let i = 0; i < count; i += 10) {
    await timed('bare', async () => {
      for (let j = i; j < i + 10; j++) await bareSpawn();
    });
    await timed('ours', async () => {
      for (let j = i; j < i + 10; j++) {
        const outcome = await runCommand({ command: 'true', cwd: work, logPath: join(work, name, `${j}.log`), redactor });
        if (outcome.result !== 'pass') throw new Error(outcome.reasons.join('; '));
      }
    });
  }
  return totals;
}

try {
  const { runCommand, createRedactor } = await import(await bundleRunner(join(work, 'runner.mjs')));
  const redactor = createRedactor({ env: process.env });
  await round(runCommand, redactor, 'warm-up'); // page cache, JIT
  const rounds = [];
  const shell = [];
  for (let i = 0; i < runs; i++) {
    rounds.push(await round(runCommand, redactor, `r${i}`));
    shell.push(shellLoop());
  }
  const best = rounds.map((r) => r.oursMs / r.bareMs).sort((a, b) => a - b)[Math.floor(runs / 2)];
  const chosen = rounds.find((r) => r.oursMs / r.bareMs === best);
  const [bareMs, oursMs, shellMs] = [chosen.bareMs, chosen.oursMs, median(shell)];
  const result = {
    name: `${count} runs of true`,
    bareSpawnMs: Math.round(bareMs),
    shellLoopMs: Math.round(shellMs),
    runnerMs: Math.round(oursMs),
    ratio: +(oursMs / bareMs).toFixed(2),
    ratioVsShell: +(oursMs / shellMs).toFixed(2),
    perRunOverheadMs: +((oursMs - bareMs) / count).toFixed(2),
    // CPU of this process only (the children's is not counted): the runner's own work, steady under load.
    bareCpuMsPerRun: +(chosen.bareCpuMs / count).toFixed(2),
    runnerCpuMsPerRun: +(chosen.oursCpuMs / count).toFixed(2),
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`${result.name}: bare spawn loop ${result.bareSpawnMs} ms, shell loop ${result.shellLoopMs} ms, runner ${result.runnerMs} ms (median round of ${runs}, interleaved)`);
    console.log(`  runner vs spawn loop ${result.ratio}x, vs shell loop ${result.ratioVsShell}x; runner overhead ${result.perRunOverheadMs} ms per run`);
    console.log(`  parent CPU per run: spawn loop ${result.bareCpuMsPerRun} ms, runner ${result.runnerCpuMsPerRun} ms`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
