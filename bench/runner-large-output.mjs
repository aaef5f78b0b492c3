// One command printing 200 MB through the runner (redaction on, log written and hashed, excerpt
// kept) vs the shell capturing and hashing the same output: `sh -c '... | tee out.log | sha256sum'`.
// Targets: wall <= 1.3x, runner peak RSS <= 150 MB. Measurement only, no assertions.
// Usage: node bench/runner-large-output.mjs [--json] [--mb N] [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleRunner } from '../test/runner/fixtures/bundle-runner.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const megabytes = arg('--mb', 200);
const runs = arg('--runs', 3);
const LINE = '2024-05-01T02:13:07.123Z INFO  api request served method=GET path=/api/v1/orders/12345 status=200 duration_ms=12 user=alice@example.com';
const generate = `yes '${LINE}' | head -c ${megabytes * 1_000_000}`;

const work = mkdtempSync(join(process.env.CUTOVER_BENCH_DIR ?? tmpdir(), 'cutover-bench-runner-'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function baseline() {
  const out = join(work, 'baseline.log');
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', `${generate} | tee '${out}' | sha256sum`], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  return { wallMs, rssMB: Number(result.stderr.trim().split('\n').pop()) / 1024, sha256: result.stdout.split(' ')[0] };
}

function runner(bundle) {
  // In its own process, so that its peak RSS is the runner's alone.
  const script = `
    const { runCommand, createRedactor } = await import(${JSON.stringify(bundle)});
    const env = { ...process.env, GITHUB_TOKEN: 'ghp_' + 'x'.repeat(36), DB_PASSWORD: 'correct-horse-battery', API_KEY: 'k3y-' + '9'.repeat(28) };
    const redactor = createRedactor({ env, secrets: [{ name: 'db_url', value: 'postgres://app:pw@db/app' }] });
    const start = performance.now();
    const outcome = await runCommand({ command: ${JSON.stringify(generate)}, cwd: ${JSON.stringify(work)}, env,
      logPath: ${JSON.stringify(join(work, 'runner.log'))}, redactor, expect: { exitCode: 0 } });
    const wallMs = performance.now() - start;
    console.log(JSON.stringify({ wallMs, rssMB: process.resourceUsage().maxRSS / 1024, sha256: outcome.logSha256,
      logBytes: outcome.logBytes, result: outcome.result, redactions: outcome.redactions }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

try {
  const bundle = await bundleRunner(join(work, 'runner.mjs'));
  const base = [];
  const ours = [];
  for (let i = 0; i < runs; i++) {
    base.push(baseline());
    ours.push(runner(bundle));
  }
  const baseMs = median(base.map((r) => r.wallMs));
  const oursMs = median(ours.map((r) => r.wallMs));
  const rss = Math.max(...ours.map((r) => r.rssMB));
  const result = {
    name: `one item printing ${megabytes} MB`,
    baselineMs: Math.round(baseMs),
    runnerMs: Math.round(oursMs),
    ratio: +(oursMs / baseMs).toFixed(2),
    target: 1.3,
    runnerPeakRssMB: Math.round(rss),
    rssTargetMB: 150,
    baselinePeakRssMB: Math.round(Math.max(...base.map((r) => r.rssMB))),
    logIdentical: ours.every((r) => r.sha256 === base[0].sha256),
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`${result.name}: shell tee|sha256sum ${result.baselineMs} ms, runner ${result.runnerMs} ms (median of ${runs})`);
    console.log(`  ratio ${result.ratio}x (target <= 1.3x); runner peak RSS ${result.runnerPeakRssMB} MB (target <= 150 MB)`);
    console.log(`  log identical to the shell's (no secrets in this output): ${result.logIdentical}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
