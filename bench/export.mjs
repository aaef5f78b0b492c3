// Export of a 5,000-event session with 100 MB of run logs through the built CLI (`cutover export
// -o x.tar.gz`: copy, hash and check every file, render report.md, SHA256SUMS, tar + gzip) vs
// `tar czf` of the same files. Interleaved (lib/interleave.mjs), median of --runs (default 3). The folder export is
// reported too, for information.
// Usage: node bench/export.mjs [--runs N] [--mb N]
import { rmSync } from 'node:fs';
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

const runs = numberArg('--runs', 3);
const megabytes = numberArg('--mb', 100);
const RUNS_IN_SESSION = 2_500; // 2 events each: 5,000 events

await withWorkDir('export', async (dir) => {
  const evidenceDir = join(dir, 'evidence');
  progress(`writing a synthetic session: ${RUNS_IN_SESSION * 2} events, ${megabytes} MB of logs…`);
  const session = await writeSyntheticSession(evidenceDir, dir, { runs: RUNS_IN_SESSION, logBytes: Math.round((megabytes * 1_000_000) / RUNS_IN_SESSION) });

  let n = 0;
  const ours = async (ext) => {
    const out = join(dir, `out-${++n}${ext}`);
    const result = expectSuccess('cutover export', await timeProcess(process.execPath, [builtCli(), 'export', session.path, '-o', out], { cwd: dir }));
    rmSync(out, { recursive: true, force: true });
    return result.ms;
  };
  const baseline = async () => {
    const out = join(dir, `base-${++n}.tar.gz`);
    const result = expectSuccess('tar czf', await timeProcess('tar', ['czf', out, '-C', evidenceDir, ...session.files]));
    rmSync(out, { force: true });
    return result.ms;
  };

  const samples = await interleave(
    { tarball: () => ours('.tar.gz'), tar: baseline, folder: () => ours('') },
    runs,
    (i, s) => progress(`round ${i + 1}/${runs}: tar czf ${Math.round(s.tar[i])} ms, export .tar.gz ${Math.round(s.tarball[i])} ms, export folder ${Math.round(s.folder[i])} ms`),
  );
  const { tarball, tar: base, folder } = samples;

  const oursMs = median(tarball);
  const baseMs = median(base);
  const what = `${session.events} events, ${Math.round(session.logBytes / 1e6)} MB of logs in ${RUNS_IN_SESSION} files`;
  printFigure({
    name: 'export to .tar.gz vs tar czf',
    value: round(oursMs), baseline: round(baseMs), ratio: ratioOf(oursMs, baseMs), target: '<= 1.5x', unit: 'ms',
    note: `${what}; CLI wall time (node start included); median of ${runs}`,
    raw: { exportMs: tarball.map((v) => round(v)), tarMs: base.map((v) => round(v)) },
  });
  printFigure({
    name: 'export to a folder vs tar czf',
    value: round(median(folder)), baseline: round(baseMs), ratio: ratioOf(median(folder), baseMs), unit: 'ms',
    note: `${what}; for information`,
  });
});
