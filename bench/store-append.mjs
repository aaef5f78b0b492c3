// Append cost must not grow with the session: times each append of a 5,100-event session and
// compares the median around event 5,000 with the median around event 50 (target: <= 2x).
// Usage: node bench/store-append.mjs [--json]   (CUTOVER_BENCH_DIR picks the disk; default: tmpdir)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleStore } from '../test/store/fixtures/bundle-store.mjs';

const TOTAL = 5100;
const WINDOW = 25; // events either side of the one measured

const work = mkdtempSync(join(process.env.CUTOVER_BENCH_DIR ?? tmpdir(), 'cutover-bench-store-'));
try {
  const { EvidenceStore, newSessionId } = await import(await bundleStore(join(work, 'store.mjs')));
  const sessionId = newSessionId('bench');
  const header = {
    format: 'cutover-evidence/1', sessionId, toolVersion: 'bench', createdAt: new Date().toISOString(),
    checklist: { id: 'bench', title: 'Bench', version: '1', sha256: '0'.repeat(64), path: 'bench.yaml', snapshot: `${sessionId}.checklist.yaml` },
    host: 'bench', operator: 'bench', ticket: 'B-1', environment: 'bench', mode: 'drill', variables: {},
  };
  // A throwaway session first, so that event 50 is not measured while the JIT is still cold.
  const warm = await EvidenceStore.create(join(work, 'warm'), header, 'id: bench\n');
  for (let i = 0; i < 300; i++) await warm.append({ type: 'note.added', text: `warm-up ${i}` }, 'bench');
  await warm.close();
  const store = await EvidenceStore.create(join(work, 'evidence'), header, 'id: bench\n');
  const excerpt = { head: 'ok\n'.repeat(40), tail: 'done\n'.repeat(40), truncated: false };
  const bodies = [
    (i) => ({ type: 'command.started', runId: `r${i}`, section: 's', item: `i${i % 300}`, pass: 1, command: 'curl -fsS https://example.test/health', cwd: '/srv', log: store.runLogRelative(`r${i}`) }),
    (i) => ({ type: 'command.finished', runId: `r${i - 1}`, exitCode: 0, signal: null, durationMs: 12, timedOut: false, cancelled: false, stdoutBytes: 200, stderrBytes: 0, logBytes: 200, logSha256: '0'.repeat(64), excerpt, redactions: 0, result: 'pass', reasons: [] }),
  ];
  const times = [];
  for (let i = 1; i <= TOTAL; i++) {
    const body = bodies[i % 2 === 1 ? 0 : 1](i);
    const start = performance.now();
    await store.append(body, 'bench');
    times.push(performance.now() - start);
  }
  await store.close();
  const medianAround = (seq) => {
    const window = times.slice(seq - 1 - WINDOW, seq + WINDOW).sort((a, b) => a - b);
    return window[Math.floor(window.length / 2)];
  };
  const at50 = medianAround(50);
  const at5000 = medianAround(5000);
  const result = { name: 'append event 5,000 vs event 50', at50Ms: +at50.toFixed(3), at5000Ms: +at5000.toFixed(3), ratio: +(at5000 / at50).toFixed(2), target: 2 };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else console.log(`append event 50: ${result.at50Ms} ms, event 5,000: ${result.at5000Ms} ms (median of ${2 * WINDOW + 1}); ratio ${result.ratio}x (target <= 2x)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
