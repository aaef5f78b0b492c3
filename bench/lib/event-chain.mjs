// Synthetic sessions for the benches: the project's own domain code (hash chain, file layout,
// checklist parser) bundled from src/, and a chain of events sealed as the store seals them.
import { build } from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from './repo.mjs';

/** The domain functions a session writer needs, bundled from src/ into `workDir`. */
export async function bundledDomain(workDir) {
  const outfile = join(workDir, 'bench-domain.mjs');
  await build({
    stdin: {
      contents: "export { sealEvent, headerHash } from './src/domain/hash-chain.ts'; export { renderDocument } from './src/domain/evidence-format.ts'; export { parseChecklistText } from './src/domain/checklist-parse.ts';",
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
    // the YAML parser is CommonJS and requires Node built-ins
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return import(outfile);
}

/** Events `stepMs` apart from the header's createdAt, each chained to the one before. */
export function eventChain({ sealEvent, headerHash }, header, stepMs) {
  const events = [];
  let prev = headerHash(header);
  let clock = Date.parse(header.createdAt);
  return {
    events,
    /** The time of the last event sealed (the header's createdAt before any). */
    now: () => new Date(clock).toISOString(),
    add(body) {
      clock += stepMs;
      const event = sealEvent(events.length + 1, new Date(clock).toISOString(), 'bench', body, prev);
      events.push(event);
      prev = event.hash;
      return event;
    },
  };
}
