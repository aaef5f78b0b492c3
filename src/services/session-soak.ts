// A soak: an item's check re-run every `watch.every` for `watch.for`, and the item marked once at
// its end, from all its runs (stopped early, it is no pass).
import { formatDuration, parseDuration } from '../domain/duration.js';
import type { RunState } from '../domain/session-state.js';
import { abortReason } from './runner.js';
import { executeItem, type RunItemOptions } from './session-runs.js';
import type { CutoverSession } from './session.js';

export interface WatchOptions extends RunItemOptions {
  onTick?: (runs: RunState[], remainingMs: number) => void;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
  });
}

/** Why a soak was stopped: a string abort reason says (the terminal closed, a signal); a bare abort is the operator's cancel. */
const abortWhy = (signal: AbortSignal | undefined): string => abortReason(signal) ?? 'cancelled by the operator';

/** A soak: re-runs the check every `watch.every` for `watch.for`; any failure fails the item. */
export async function runWatchLoop(session: CutoverSession, sectionId: string, itemId: string, opts: WatchOptions): Promise<RunState[]> {
  const { item } = session.requireItem(sectionId, itemId);
  if (!item.watch) return [await executeItem(session, sectionId, itemId, 'check', opts)];
  const every = parseDuration(item.watch.every) ?? 30_000;
  const total = parseDuration(item.watch.for) ?? every;
  const deadline = Date.now() + total;
  const runs: RunState[] = [];
  let cutShort = false;
  for (;;) {
    const tickStart = Date.now();
    const run = await executeItem(session, sectionId, itemId, 'watch', opts);
    runs.push(run);
    opts.onTick?.(runs, Math.max(0, deadline - Date.now()));
    const result = run.finished?.result;
    if (item.watch.until && result === item.watch.until) break;
    if (opts.signal?.aborted || run.finished?.cancelled) {
      cutShort = true;
      break;
    }
    if (Date.now() + every - (Date.now() - tickStart) > deadline) break;
    await sleep(Math.max(0, every - (Date.now() - tickStart)), opts.signal);
    if (opts.signal?.aborted) {
      cutShort = true;
      break;
    }
  }
  const passed = runs.filter((r) => r.finished?.result === 'pass').length;
  const stoppedOnPass = item.watch.until === 'pass' && runs.at(-1)?.finished?.result === 'pass';
  // A soak stopped before its time was up has not shown what it was for, however its runs went.
  const status = !cutShort && (passed === runs.length || stoppedOnPass) ? 'pass' : 'fail';
  const over = `over ${item.watch.for}, every ${item.watch.every}`;
  const note = cutShort
    ? `soak stopped after ${formatDuration(Date.now() - (deadline - total))} of ${item.watch.for} (${abortWhy(opts.signal)}): ${passed} of ${runs.length} runs passed; not a full soak`
    : `soak: ${passed} of ${runs.length} runs passed ${over}`;
  await session.markItem(sectionId, itemId, status, note);
  return runs;
}
