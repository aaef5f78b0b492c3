// The TUI's first frame must not wait for zod: building every checklist schema costs about as much
// as the rest of the first frame's own work (importing one value from checklist-schema into the
// new-session form once added 16% to it). The frame is drawn from the chunks that `cutover open`
// loads statically, plus the two the TUI loader imports; zod must live outside all of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const dist = join(repoRoot, 'dist');
const chunkDir = join(dist, 'chunks');
const chunks = readdirSync(chunkDir);

/** Every file reached from `entries` through static `import … from "./x.js"` / `import "./x.js"`. */
function staticClosure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const path = queue.pop() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/^import\s+(?:[^'";]*?\s+from\s+)?["'](\.[^"']+)["'];?$/gm)) {
      queue.push(join(path, '..', match[1] as string));
    }
  }
  return seen;
}

const named = (prefix: string): string => {
  const found = chunks.find((name) => name.startsWith(`${prefix}-`));
  if (!found) throw new Error(`no ${prefix}-*.js chunk in dist/chunks: the build changed`);
  return join(chunkDir, found);
};

describe('first frame of the TUI', () => {
  it('loads no chunk holding zod', () => {
    const zod = chunks.filter((name) => readFileSync(join(chunkDir, name), 'utf8').includes('$constructor("ZodType"'));
    expect(zod.length).toBeGreaterThan(0); // the check below means something only if zod is found at all
    const firstFrame = staticClosure([join(dist, 'cutover.js'), named('open'), named('home'), named('run-tui'), named('tui-services')]);
    expect([...firstFrame].filter((path) => zod.some((name) => path.endsWith(name)))).toEqual([]);
  });
});
