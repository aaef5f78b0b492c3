// Where things are: the repository, the built CLI and the bench fixtures.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(REPO_ROOT, 'bench', 'fixtures');
export const CLI = join(REPO_ROOT, 'dist', 'cutover.js');

/** The benchmarks measure the built bundle, as users run it. */
export function builtCli() {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm run bench builds it when stale)`);
  return CLI;
}
