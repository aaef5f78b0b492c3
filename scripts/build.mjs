// Bundles src/cli/main.ts into dist/ (ESM, code-split so heavy modules such as ink load lazily).
// `--if-stale` skips the build when dist is newer than every source file.
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync, existsSync, rmSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { stringWidthFastPath } from './string-width-fast-path.mjs';

const root = new URL('..', import.meta.url).pathname;
const entry = join(root, 'dist', 'cutover.js');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(path) : st.mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(entry)) {
  const sources = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (statSync(entry).mtimeMs >= sources) process.exit(0);
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * zod re-exports every message locale as `z.locales.*` (about half of its code: 360 KB); cutover
 * only uses English, which zod imports directly. Every command that loads zod (run, verify,
 * export, report, the TUI's session) pays to compile and evaluate what it loads, so the locale
 * index is cut down to English.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js';\n",
      loader: 'js',
    }));
  },
};
// Build beside dist and swap it in, so that a test reading dist never sees half a build.
const staging = join(root, `.dist-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: { cutover: join(root, 'src/cli/main.ts') },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['react-devtools-core'],
  define: { 'process.env.CUTOVER_VERSION': JSON.stringify(version), 'process.env.NODE_ENV': '"production"', 'Intl.Segmenter': 'FastSegmenter' },
  // Ink's text libraries split every string into graphemes: see src/ui/text/fast-segmenter.ts.
  inject: [join(root, 'src/ui/text/fast-segmenter.ts')],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cutoverCreateRequire } from 'node:module'; const require = __cutoverCreateRequire(import.meta.url);",
  },
  plugins: [zodEnglishOnly, stringWidthFastPath],
  logLevel: 'warning',
});
const old = join(root, `.dist-old-${process.pid}`);
if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), old);
renameSync(staging, join(root, 'dist'));
rmSync(old, { recursive: true, force: true });
