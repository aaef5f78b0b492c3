// One item printing 200 MB through the built CLI (`cutover run --headless`: redaction on, log
// written and hashed, excerpt kept, events fsynced) vs the shell capturing and hashing the same
// output (`sh -c '... | tee out.log | sha256sum'`). Figures: wall ratio (target <= 1.3x), the
// CLI's peak RSS (<= 150 MB) and the size of the evidence JSON (<= 64 KB). Both sides run under
// GNU time, interleaved, median of --runs (default 3).
// Usage: node bench/headless-large-output.mjs [--mb N] [--runs N]
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { numberArg } from './lib/args.mjs';
import { writeSmokeChecklist } from './lib/checklist.mjs';
import { printFigure, ratioOf } from './lib/figure.mjs';
import { interleave } from './lib/interleave.mjs';
import { expectSuccess, timeProcess } from './lib/process.mjs';
import { progress } from './lib/progress.mjs';
import { builtCli } from './lib/repo.mjs';
import { median, round } from './lib/stats.mjs';
import { withWorkDir } from './lib/workdir.mjs';

const megabytes = numberArg('--mb', 200);
const runs = numberArg('--runs', 3);
const LINE = '2024-05-01T02:13:07.123Z INFO  api request served method=GET path=/api/v1/orders/12345 status=200 duration_ms=12 user=alice@example.com';
const GENERATE = `yes '${LINE}' | head -c ${megabytes * 1_000_000}`;
// Secret-looking variables give the redactor values to look for in every chunk.
const ENV = { ...process.env, GITHUB_TOKEN: `ghp_${'x'.repeat(36)}`, DB_PASSWORD: 'correct-horse-battery', API_KEY: `k3y-${'9'.repeat(28)}` };

await withWorkDir('large-output', async (dir) => {
  const checklist = writeSmokeChecklist(join(dir, 'large.yaml'), {
    id: 'bench-large-output',
    title: `One item printing ${megabytes} MB`,
    items: [{ id: 'flood', title: `print ${megabytes} MB`, run: GENERATE }],
  });
  let session = 0;
  const cli = async () => {
    const args = [builtCli(), 'run', checklist, '--headless', '--json', '--evidence-dir', join(dir, `evidence-${++session}`), '--ticket', 'BENCH-BIG', '--env', 'bench', '--operator', 'bench'];
    const result = expectSuccess('cutover run --headless', await timeProcess(process.execPath, args, { cwd: dir, env: ENV, peakRss: true }));
    const summary = JSON.parse(result.stdout);
    if (!summary.ok || summary.passed !== 1) throw new Error(`expected the item to pass, got ${result.stdout.slice(0, 300)}`);
    return { ms: result.ms, rssMB: result.peakRssMB, evidenceKB: statSync(summary.evidence).size / 1024 };
  };
  const shell = async () => {
    const result = expectSuccess('shell capture', await timeProcess('sh', ['-c', `${GENERATE} | tee '${join(dir, 'shell.log')}' | sha256sum`], { env: ENV, peakRss: true }));
    return { ms: result.ms, rssMB: result.peakRssMB };
  };

  const { cli: ours, shell: base } = await interleave({ shell, cli }, runs, (round, got) =>
    progress(`${megabytes} MB item: round ${round + 1}/${runs}: shell ${Math.round(got.shell[round].ms)} ms, cli ${Math.round(got.cli[round].ms)} ms, ${Math.round(got.cli[round].rssMB)} MB peak`),
  );

  const cliMs = median(ours.map((r) => r.ms));
  const shellMs = median(base.map((r) => r.ms));
  const peak = Math.max(...ours.map((r) => r.rssMB));
  const evidenceKB = Math.max(...ours.map((r) => r.evidenceKB));
  const raw = { cliMs: ours.map((r) => round(r.ms)), shellMs: base.map((r) => round(r.ms)) };
  printFigure({
    name: `${megabytes} MB item, headless CLI: wall`,
    value: round(cliMs), baseline: round(shellMs), ratio: ratioOf(cliMs, shellMs), target: '<= 1.3x', unit: 'ms',
    note: `vs sh -c '... | tee out.log | sha256sum'; redaction on; median of ${runs}`, raw,
  });
  printFigure({
    name: `${megabytes} MB item, headless CLI: peak RSS`,
    value: round(peak), target: '<= 150 MB', unit: 'MB',
    note: `whole CLI process, max of ${runs} (GNU time %M); the shell pipeline peaked at ${round(Math.max(...base.map((r) => r.rssMB)), 1)} MB`,
    raw: { cliMB: ours.map((r) => round(r.rssMB)) },
  });
  printFigure({
    name: `${megabytes} MB item: evidence JSON size`,
    value: round(evidenceKB, 1), target: '<= 64 KB', unit: 'KB',
    note: 'the session file with its excerpts (the log lives beside it)',
  });
});
