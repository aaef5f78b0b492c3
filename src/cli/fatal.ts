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

/** Parses repeated `--var k=v` flags. */
export function parseVars(pairs: string[] | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CutoverError(`--var expects name=value, got "${pair}"`, EXIT.usage);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return vars;
}
