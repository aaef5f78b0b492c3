// Command-line flags shared by the bench scripts: `--runs 7`, `--json`, `--only name`.

export function hasFlag(name, argv = process.argv) {
  return argv.includes(name);
}

export function stringArg(name, argv = process.argv) {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
}

export function numberArg(name, fallback, argv = process.argv) {
  const raw = stringArg(name, argv);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number, got ${JSON.stringify(raw)}`);
  return value;
}
