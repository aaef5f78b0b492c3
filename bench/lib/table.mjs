// The report of `npm run bench`: one row per figure, misses marked loudly, then the raw numbers.
import { judge } from './figure.mjs';

const fmt = (n) => (typeof n !== 'number' ? '' : Math.abs(n) >= 100 ? String(Math.round(n)) : String(Math.round(n * 1000) / 1000));
const withUnit = (n, unit) => (typeof n === 'number' ? `${fmt(n)}${unit ? ` ${unit}` : ''}` : '-');

export function verdictOf(figure) {
  const ok = judge(figure);
  return ok === true ? 'ok' : ok === false ? 'MISS <<<' : figure.target ? '?' : 'info';
}

/** A row for every figure, and one for every script that produced none. */
export function rowsOf(results) {
  return results.flatMap(({ entry, figures, problem }) =>
    problem
      ? [{ figure: `${entry.name} (bench/${entry.script})`, measured: '-', baseline: '-', ratio: '-', target: '-', verdict: problem.status }]
      : figures.map((f) => ({
          figure: f.name,
          measured: withUnit(f.value, f.unit),
          baseline: withUnit(f.baseline, f.unit),
          ratio: typeof f.ratio === 'number' ? `${fmt(f.ratio)}x` : '-',
          target: f.target ?? '-',
          verdict: verdictOf(f),
        })),
  );
}

export function renderTable(rows) {
  const columns = ['figure', 'measured', 'baseline', 'ratio', 'target', 'verdict'];
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(columns.map((c) => r[c])))].join('\n');
}

/** Notes, raw samples, and what went wrong with scripts that produced no figure. */
export function renderDetails(results) {
  const out = [];
  for (const { entry, figures, problem } of results) {
    if (problem) {
      out.push(`${entry.name} (${entry.script}): ${problem.status}: ${problem.detail}`);
      if (problem.output) out.push(problem.output.replace(/^/gm, '    '));
      continue;
    }
    for (const f of figures) {
      out.push(`${f.name}${f.note ? `: ${f.note}` : ''}`);
      if (f.raw) out.push(`    raw: ${JSON.stringify(f.raw)}`);
    }
  }
  return out.join('\n');
}

export function missSummary(results) {
  const misses = results.flatMap(({ figures }) => figures.filter((f) => judge(f) === false));
  const broken = results.filter((r) => r.problem);
  const parts = [];
  if (misses.length) parts.push(`MISSED ${misses.length} target(s): ${misses.map((f) => `${f.name} (${typeof f.ratio === 'number' && /x\s*$/.test(f.target) ? `${f.ratio}x` : withUnit(f.value, f.unit)}, target ${f.target})`).join('; ')}`);
  if (broken.length) parts.push(`NOT MEASURED: ${broken.map((r) => `${r.entry.name} (${r.problem.status})`).join(', ')}`);
  return parts.length ? parts.join('\n') : 'every target met';
}
