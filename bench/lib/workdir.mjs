// A scratch directory for one benchmark, removed afterwards whatever happens (also when a signal
// handler ends the process with process.exit). CUTOVER_BENCH_DIR picks the disk (default: the
// system temp directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withWorkDir(prefix, fn) {
  const dir = mkdtempSync(join(process.env.CUTOVER_BENCH_DIR ?? tmpdir(), `cutover-bench-${prefix}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.on('exit', remove);
  try {
    return await fn(dir);
  } finally {
    process.off('exit', remove);
    remove();
  }
}
