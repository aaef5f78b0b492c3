// `npm run bench`: every performance target of the product as a figure measured against a
// baseline in the same run (machines are noisy), printed as one table. A missed target is
// reported, loudly, but the exit code stays 0: this is a report, not a test.
// Usage: node bench/run.mjs [--json] [--only name[,name]] [--timeout seconds-per-script]
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasFlag, numberArg, stringArg } from './lib/args.mjs';
import { runScript } from './lib/child.mjs';
import { judge, parseFigures } from './lib/figure.mjs';
import { SUITE, adaptOutput } from './lib/suite.mjs';
import { missSummary, renderDetails, renderTable, rowsOf, verdictOf } from './lib/table.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const asJson = hasFlag('--json');
const timeoutMs = numberArg('--timeout', 180) * 1000;
const only = stringArg('--only')?.split(',').map((name) => name.trim());

const unknown = only?.filter((name) => !SUITE.some((entry) => entry.name === name)) ?? [];
if (unknown.length) {
  process.stderr.write(`bench: no benchmark named ${unknown.join(', ')}; there are: ${SUITE.map((e) => e.name).join(', ')}\n`);
  process.exit(2);
}
const entries = only ? SUITE.filter((entry) => only.includes(entry.name)) : SUITE;

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
const machine = {
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  loadAtStart: load(),
};

const tail = (text, lines = 12) => text.trim().split('\n').slice(-lines).join('\n');

async function measure(entry) {
  const path = join(BENCH_DIR, entry.script);
  if (!existsSync(path)) return { figures: [], problem: { status: 'MISSING', detail: `bench/${entry.script} does not exist yet` } };
  const run = await runScript(path, entry.args ?? [], { timeoutMs });
  const bench = parseFigures(run.stdout);
  const figures = bench.length ? bench : adaptOutput(entry, run.stdout);
  const seconds = Math.round(run.ms / 1000);
  const ended = run.interrupted ? 'INTERRUPTED' : run.timedOut ? `TIMED OUT (${timeoutMs / 1000} s)` : run.code !== 0 ? `ERROR (exit ${run.code ?? run.signal})` : undefined;
  if (figures.length && !ended) return { figures, seconds };
  const output = tail(`${run.stdout}\n${run.stderr}`);
  if (!figures.length) return { figures, seconds, interrupted: run.interrupted, problem: { status: ended ?? 'NO FIGURES', detail: `${ended ? 'stopped' : 'no BENCH line (nor JSON it knows) in its output'} after ${seconds} s; its last lines:`, output } };
  // Some figures, then a failure: keep them and say what happened.
  return { figures: figures.map((f) => ({ ...f, note: `${f.note ?? ''} [the script then ended: ${ended}]`.trim() })), seconds, interrupted: run.interrupted };
}

const results = [];
for (const [index, entry] of entries.entries()) {
  process.stderr.write(`[${index + 1}/${entries.length}] ${entry.name}: ${entry.about}\n`);
  const result = { entry, ...(await measure(entry)) };
  results.push(result);
  const verdicts = result.figures.map((f) => `${f.name}: ${verdictOf(f)}`).join('; ');
  process.stderr.write(`    ${result.problem ? result.problem.status : verdicts}${result.seconds !== undefined ? ` (${result.seconds} s)` : ''}\n`);
  if (result.interrupted) {
    process.exitCode = 130;
    break;
  }
}
machine.loadAtEnd = load();
const busy = Math.max(os.loadavg()[0], Number(machine.loadAtStart.split(' ')[0])) > machine.cores;
machine.busy = busy;

if (asJson) {
  const figures = results.flatMap(({ entry, figures: fs }) => fs.map((f) => ({ bench: entry.name, ...f, ok: judge(f), verdict: verdictOf(f).replace(/\W+$/, '').trim() })));
  const problems = results.filter((r) => r.problem).map((r) => ({ bench: r.entry.name, script: r.entry.script, ...r.problem }));
  process.stdout.write(`${JSON.stringify({ machine, figures, problems, seconds: Object.fromEntries(results.map((r) => [r.entry.name, r.seconds ?? null])) }, null, 2)}\n`);
} else {
  const took = results.map((r) => `${r.entry.name} ${r.seconds ?? '-'} s`).join(', ');
  process.stdout.write(
    [
      `cutover bench: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GB, node ${machine.node}, ${machine.platform}`,
      `load average (1/5/15 min): ${machine.loadAtStart} at start, ${machine.loadAtEnd} at end${busy ? ' (BUSY: more runnable work than cores, the figures are noisy)' : ''}`,
      '',
      renderTable(rowsOf(results)),
      '',
      missSummary(results),
      '',
      'Details and raw numbers:',
      renderDetails(results),
      `time per script: ${took}`,
      '',
    ].join('\n'),
  );
}
