// `cutover verify` of a 10,000-event evidence file through the built CLI (hash chain, schema of
// every event, every run log's sha256, the checklist snapshot): wall time including node start,
// median of --runs (default 5). Target: under 1 s. Baseline, for the ratio: `sha256sum` of the
// same files (the evidence file and every run log), i.e. only reading and hashing the bytes.
// Usage: node bench/verify.mjs [--runs N] [--events N]
import { join } from 'node:path';
import { numberArg } from './lib/args.mjs';
import { printFigure, ratioOf } from './lib/figure.mjs';
import { interleave } from './lib/interleave.mjs';
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
  const evidenceDir = join(dir, 'evidence');
  const session = await writeSyntheticSession(evidenceDir, dir, { runs: runCount, logBytes: 2_048, notes: total - runCount * 2 });
  progress(`synthetic session: ${session.events} events, ${runCount} run logs`);
  const [json, , runsDir] = session.files;
  const samples = await interleave(
    {
      verify: async () => {
        const result = expectSuccess('cutover verify', await timeProcess(process.execPath, [builtCli(), 'verify', session.path], { cwd: dir }));
        if (!result.stdout.startsWith('intact:')) throw new Error(`expected intact, got ${result.stdout.slice(0, 300)}`);
        return result.ms;
      },
      sha256sum: async () => expectSuccess('sha256sum', await timeProcess('sh', ['-c', `sha256sum ${json} ${runsDir}/* > /dev/null`], { cwd: evidenceDir })).ms,
    },
    runs,
    (i, s) => progress(`round ${i + 1}/${runs}: verify ${Math.round(s.verify[i])} ms, sha256sum ${Math.round(s.sha256sum[i])} ms`),
  );
  const value = median(samples.verify);
  const baseline = median(samples.sha256sum);
  printFigure({
    name: `verify of ${session.events} events`,
    value: round(value / 1000, 3), baseline: round(baseline / 1000, 3), ratio: ratioOf(value, baseline), target: '< 1 s', unit: 's',
    note: `${runCount} run logs hashed too; CLI wall time (node start included) vs sha256sum of the same files; median of ${runs}`,
    raw: { verifyMs: samples.verify.map((v) => round(v)), sha256sumMs: samples.sha256sum.map((v) => round(v)) },
  });
});
