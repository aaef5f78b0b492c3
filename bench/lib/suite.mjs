// What `npm run bench` runs, in order, and how to read each script's output. Scripts print
// `BENCH {...}` lines (lib/figure.mjs); the adapters below read the single JSON object that the
// scripts written before that convention print with --json, and are ignored once they print
// BENCH lines.

/** The last line of the output that parses as a JSON object, or undefined. */
function lastJson(output) {
  for (const line of output.trim().split('\n').reverse()) {
    try {
      const value = JSON.parse(line);
      if (value && typeof value === 'object') return value;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

const storeAppend = (r) => [
  { name: r.name ?? 'append event 5,000 vs event 50', value: r.at5000Ms, baseline: r.at50Ms, ratio: r.ratio, target: `<= ${r.target ?? 2}x`, unit: 'ms', note: 'one append (write + fsync), median of the events around each', raw: r },
];

const runnerSpawn = (r) => [
  {
    name: `runner alone: ${r.name ?? '300 runs of true'}`, value: r.runnerMs, baseline: r.bareSpawnMs, ratio: r.ratio, target: '<= 1.3x', unit: 'ms',
    note: `the runner's share of the headless run (no events): ${r.perRunOverheadMs} ms per run over a bare spawn loop; ${r.ratioVsShell}x a plain shell loop (${r.shellLoopMs} ms)`,
    raw: r,
  },
];

const runnerLargeOutput = (r) => [
  {
    name: `runner alone: ${r.name ?? 'one item printing 200 MB'}`, value: r.runnerMs, baseline: r.baselineMs, ratio: r.ratio, target: `<= ${r.target ?? 1.3}x`, unit: 'ms',
    note: `runCommand in its own process vs sh -c '... | tee out.log | sha256sum'; log identical to the shell's: ${r.logIdentical}`,
    raw: r,
  },
  { name: 'runner alone: peak RSS printing 200 MB', value: r.runnerPeakRssMB, target: `<= ${r.rssTargetMB ?? 150} MB`, unit: 'MB', note: `the shell pipeline peaked at ${r.baselinePeakRssMB} MB` },
];

/** A JSON object of unknown shape: its name and ratio, if it has them. */
const generic = (r) => (typeof r.name === 'string' && typeof r.ratio === 'number' ? [{ name: r.name, ratio: r.ratio, target: typeof r.target === 'number' ? `<= ${r.target}x` : r.target, note: JSON.stringify(r) }] : []);

export const SUITE = [
  { name: 'headless-run', script: 'headless-run.mjs', about: '300 items of true through the built CLI' },
  { name: 'runner-spawn', script: 'runner-spawn.mjs', args: ['--json'], adapt: runnerSpawn, about: 'the runner alone, 300 runs of true' },
  { name: 'large-output', script: 'headless-large-output.mjs', about: 'one item printing 200 MB through the built CLI' },
  { name: 'runner-large-output', script: 'runner-large-output.mjs', args: ['--json'], adapt: runnerLargeOutput, about: 'the runner alone, 200 MB' },
  { name: 'store-append', script: 'store-append.mjs', args: ['--json'], adapt: storeAppend, about: 'append event 5,000 vs event 50' },
  { name: 'export', script: 'export.mjs', about: 'export of 5,000 events + 100 MB of logs vs tar czf' },
  { name: 'verify', script: 'verify.mjs', about: 'verify of 10,000 events' },
  { name: 'tui-first-frame', script: 'tui-first-frame.mjs', about: 'TUI first frame vs node -e, in tmux' },
  { name: 'tui-key-latency', script: 'tui-key-latency.mjs', about: 'TUI key-to-frame while a command streams' },
  { name: 'tui-large', script: 'tui-large.mjs', args: ['--runs', '3'], about: '800-item runbook + 10,000-event session vs the demo, in tmux' },
];

/** Figures from output without BENCH lines, through the entry's adapter (or a generic reading). */
export function adaptOutput(entry, stdout) {
  const json = lastJson(stdout);
  if (!json) return [];
  return (entry.adapt ?? generic)(json);
}
