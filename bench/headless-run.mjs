// A headless run of a checklist of 300 items of `true` through the built CLI (session, events,
// fsync, logs, expectations: the whole engine) vs the floor for any Node tool, a bare
// child_process.spawn('sh', ['-c', 'true']) loop x300 in one script; and, for information, vs a
// plain shell loop. Each is timed from spawn to exit, interleaved, median of --runs (default 3).
// Usage: node bench/headless-run.mjs [--count N] [--runs N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberArg } from './lib/args.mjs';
import { writeSmokeChecklist } from './lib/checklist.mjs';
import { printFigure, ratioOf } from './lib/figure.mjs';
import { interleave } from './lib/interleave.mjs';
import { expectSuccess, timeProcess } from './lib/process.mjs';
import { progress } from './lib/progress.mjs';
import { builtCli } from './lib/repo.mjs';
import { median, round } from './lib/stats.mjs';
import { withWorkDir } from './lib/workdir.mjs';

const count = numberArg('--count', 300);
const runs = numberArg('--runs', 3);

const BARE_LOOP = `
const { spawn } = require('node:child_process');
(async () => {
  for (let i = 0; i < ${count}; i++) {
    await new Promise((resolve, reject) => {
      const child = spawn('sh', ['-c', 'true']);
      child.on('error', reject);
      child.on('close', resolve);
    });
  }
})();`;

await withWorkDir('headless', async (dir) => {
  const checklistOf = (n) => {
    const items = Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, title: `true #${i + 1}`, run: 'true' }));
    return writeSmokeChecklist(join(dir, `true-${n}.yaml`), { id: 'bench-true', title: `${n} items of true`, items });
  };
  // A fresh evidence directory for every run: each run measures one session, as a user has.
  let session = 0;
  const runCli = async (n, checklist, nodeArgs = [], env = undefined) => {
    const args = [...nodeArgs, builtCli(), 'run', checklist, '--headless', '--json', '--evidence-dir', join(dir, `evidence-${++session}`), '--ticket', 'BENCH-RUN', '--env', 'bench', '--operator', 'bench'];
    const result = expectSuccess('cutover run --headless', await timeProcess(process.execPath, args, { cwd: dir, env }));
    const summary = JSON.parse(result.stdout);
    if (!summary.ok || summary.passed !== n) throw new Error(`expected ${n} passed, got ${result.stdout.slice(0, 300)}`);
    return result.ms;
  };
  const full = checklistOf(count);

  const contenders = {
    cli: () => runCli(count, full),
    bare: async () => expectSuccess('bare spawn loop', await timeProcess(process.execPath, ['-e', BARE_LOOP])).ms,
    shell: async () => expectSuccess('shell loop', await timeProcess('sh', ['-c', `for i in $(seq ${count}); do sh -c true; done`])).ms,
  };
  const names = Object.keys(contenders);
  progress('headless run: warm-up (page cache, a short CLI run)');
  await runCli(20, checklistOf(20));
  await contenders.bare();
  const samples = await interleave(contenders, runs, (round, got) =>
    progress(`headless run: round ${round + 1}/${runs}: ${names.map((n) => `${n} ${Math.round(got[n][round])} ms`).join(', ')}`),
  );

  const [cli, bare, shell] = names.map((name) => median(samples[name]));
  const raw = Object.fromEntries(names.map((name) => [name, samples[name].map((ms) => round(ms))]));
  printFigure({
    name: `headless run, ${count} items of true`,
    value: round(cli), baseline: round(bare), ratio: ratioOf(cli, bare), target: '<= 1.3x', unit: 'ms',
    note: `built CLI vs bare spawn('sh',['-c','true']) loop x${count} in one node script; ${round((cli - bare) / count, 2)} ms per item over the floor; median of ${runs}`,
    raw,
  });
  const phases = await measurePhases(dir, (nodeArgs, env) => runCli(count, full, nodeArgs, env));
  printFigure({
    name: `headless run: where the time goes`,
    value: round(phases.cli.exitMs), baseline: round(phases.bare.exitMs), unit: 'ms',
    note: `for information, one untimed run of each with bench/lib/spawn-phases.cjs, ms per item (cli vs bare): ${phaseNote(phases)}`,
    raw: phases,
  });
  printFigure({
    name: `headless run vs plain shell loop`,
    value: round(cli), baseline: round(shell), ratio: ratioOf(cli, shell), unit: 'ms',
    note: `for information: for i in $(seq ${count}); do sh -c true; done`,
    raw: { cli: raw.cli, shell: raw.shell },
  });
});

/** One run of the CLI and one of the bare loop with the phase recorder preloaded. */
async function measurePhases(dir, runCliWith) {
  const preload = fileURLToPath(new URL('./lib/spawn-phases.cjs', import.meta.url));
  const recorded = async (name, run) => {
    const out = join(dir, `phases-${name}.json`);
    await run(['-r', preload], { ...process.env, SPAWN_PHASES_OUT: out });
    return JSON.parse(readFileSync(out, 'utf8'));
  };
  const cli = await recorded('cli', runCliWith);
  const bare = await recorded('bare', async (nodeArgs, env) => expectSuccess('bare spawn loop', await timeProcess(process.execPath, [...nodeArgs, '-e', BARE_LOOP], { env })));
  return { cli, bare };
}

function phaseNote({ cli, bare }) {
  const per = (p, ms) => round(ms / p.spawns, 2);
  const both = (label, pick) => `${label} ${per(cli, pick(cli))} vs ${per(bare, pick(bare))}`;
  return [
    `start-up to the first spawn ${round(cli.firstSpawnMs)} vs ${round(bare.firstSpawnMs)} ms in all`,
    both('spawn() call', (p) => p.spawnCallMs),
    both('wait for the command', (p) => p.waitMs),
    both('between a close and the next spawn', (p) => p.betweenMs),
    `of which fdatasync ${per(cli, cli.fdatasyncMs)} (${cli.fdatasyncs} calls)`,
    `after the last command ${round(cli.exitMs - cli.lastCloseMs)} vs ${round(bare.exitMs - bare.lastCloseMs)} ms`,
  ].join('; ');
}
