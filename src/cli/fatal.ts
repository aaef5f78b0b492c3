// The one place that turns an error into output and an exit code.
import { CutoverError, EXIT } from '../domain/errors.js';
import { plainLines } from '../domain/plain-text.js';

export function handleFatal(error: unknown): void {
  if (error instanceof CutoverError) {
    // Messages quote what the user gave (paths, ticket ids, values): never let them drive the terminal.
    process.stderr.write(`cutover: ${plainLines(error.message)}\n`);
    if (error.hint) process.stderr.write(`  ${plainLines(error.hint)}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cutover: internal error: ${plainLines(message)}\n`);
  if (process.env.CUTOVER_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = EXIT.failed;
}

/**
 * Parses repeated `--var k=v` flags. A bare `--var k` takes the value of the environment variable
 * `k` (as `docker run -e K` does): a secret from a CI secret store then never appears in the
 * command line, which other users of the host can read in /proc and the evidence records.
 */
export function parseVars(pairs: string[] | undefined, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq === -1 && pair !== '' && env[pair] !== undefined) {
      vars[pair] = env[pair];
      continue;
    }
    if (eq <= 0) {
      const hint = eq === -1 && pair !== '' ? `or set ${pair} in the environment: a bare --var ${pair} reads it from there` : undefined;
      throw new CutoverError(`--var expects name=value, got "${pair}"`, EXIT.usage, hint);
    }
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return vars;
}
