// `cutover verify` of a 10,000-event evidence file through the built CLI (hash chain, schema of
// every event, every run log's sha256, the checklist snapshot): wall time including node start,
// median of --runs (default 5). Target: under 1 s.
// Usage: node bench/verify.mjs [--runs N] [--events N]
import { join } from 'node:path';
import { numberArg } from './lib/args.mjs';
import { printFigure } from './lib/figure.mjs';
import { expectSuccess, timeProcess } from './lib/process.mjs';
import { progress } from './lib/progress.mjs';
import { builtCli } from './lib/repo.mjs';
import { median, round } from './lib/stats.mjs';
import { writeSyntheticSession } from './lib/synthetic-session.mjs';
import { withWorkDir } from './lib/workdir.mjs';

const runs = numberArg('--runs', 5);
const total = numberArg('--events', 10_000);

await withWorkDir('verify', async (dir) => {
  // Half the events are runs (started + finished, each with a 2 KB log to hash), half are notes.
  const runCount = Math.floor(total / 4);
  const session = await writeSyntheticSession(join(dir, 'evidence'), dir, { runs: runCount, logBytes: 2_048, notes: total - runCount * 2 });
  progress(`synthetic session: ${session.events} events, ${runCount} run logs`);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const result = expectSuccess('cutover verify', await timeProcess(process.execPath, [builtCli(), 'verify', session.path], { cwd: dir }));
    if (!result.stdout.startsWith('intact:')) throw new Error(`expected intact, got ${result.stdout.slice(0, 300)}`);
    times.push(result.ms);
    progress(`run ${i + 1}/${runs}: ${Math.round(result.ms)} ms`);
  }
  printFigure({
    name: `verify of ${session.events} events`,
    value: round(median(times) / 1000, 3), target: '< 1 s', unit: 's',
    note: `${runCount} run logs hashed too; CLI wall time (node start included); median of ${runs}`,
    raw: { ms: times.map((v) => round(v)) },
  });
});
