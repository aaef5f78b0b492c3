// One measured figure and its verdict. Every bench script ends with one line per figure:
//   BENCH {"name":..., "value":..., "baseline":..., "ratio":..., "target":"<= 1.3x", "ok":true, "unit":"ms", "note":"..."}
// A target ending in "x" applies to the ratio; any other applies to the value ("<= 150 MB", "< 1 s").
// A figure without a target is reported for information only.

const SCALE = { ms: 1, s: 1000, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
const TARGET = /^\s*(<=|<)\s*([\d.]+)\s*([A-Za-z]*)\s*$/;

export const BENCH_PREFIX = 'BENCH ';

/** true (met), false (missed), or undefined (information only, or a target that cannot be read). */
export function judge(figure) {
  if (typeof figure.ok === 'boolean') return figure.ok;
  const match = TARGET.exec(figure.target ?? '');
  if (!match) return undefined;
  const [, op, amount, unit] = match;
  let measured;
  let limit = Number(amount);
  if (unit === 'x') measured = figure.ratio;
  else if (!unit || unit === figure.unit) measured = figure.value;
  else if (SCALE[unit] && SCALE[figure.unit]) {
    measured = figure.value;
    limit = (limit * SCALE[unit]) / SCALE[figure.unit];
  }
  if (typeof measured !== 'number' || !Number.isFinite(measured)) return undefined;
  return op === '<' ? measured < limit : measured <= limit;
}

export function ratioOf(value, baseline) {
  return baseline > 0 ? Math.round((value / baseline) * 100) / 100 : undefined;
}

/** Prints the figure as a BENCH line, with its verdict, and returns it. */
export function printFigure(figure) {
  const ok = judge(figure);
  const line = { ...figure, ...(ok === undefined ? {} : { ok }) };
  process.stdout.write(`${BENCH_PREFIX}${JSON.stringify(line)}\n`);
  return line;
}

/** The figures in a script's output: every `BENCH {...}` line that parses. */
export function parseFigures(output) {
  const figures = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith(BENCH_PREFIX)) continue;
    try {
      const figure = JSON.parse(line.slice(BENCH_PREFIX.length));
      if (figure && typeof figure.name === 'string') figures.push(figure);
    } catch {
      // not ours after all: the caller falls back to the raw output
    }
  }
  return figures;
}
