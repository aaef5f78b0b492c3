// Key-to-frame latency of the TUI while a command streams output: opens
// bench/fixtures/streaming.yaml in tmux (100x30), starts the session, runs its one item (a
// command printing timestamped lines for up to a minute), then --samples times (default 20)
// sends `?` and times until the help is on screen, and Esc until it is gone again. Target:
// median <= 100 ms; p90 reported. The command is cancelled (c) at the end.
// Usage: node bench/tui-key-latency.mjs [--samples N]
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { numberArg } from './lib/args.mjs';
import { printFigure } from './lib/figure.mjs';
import { progress } from './lib/progress.mjs';
import { FIXTURES, REPO_ROOT, builtCli } from './lib/repo.mjs';
import { shellQuote } from './lib/shell.mjs';
import { median, percentile, round } from './lib/stats.mjs';
import { Tmux } from './lib/tmux.mjs';
import { withWorkDir } from './lib/workdir.mjs';

const samples = numberArg('--samples', 20);
const HELP = /Help\W+keys/;
const RUNNING = /running · .*· ([\d.]+ \w?B)/; // the run status line: spinner, elapsed, bytes
const isStreaming = (screen) => RUNNING.test(screen) && screen.includes('stream line');

/** New-session form -> main screen -> the item running and its output on screen. */
async function startStreaming(tmux, pane) {
  await tmux.waitFor(pane, (s) => s.includes('Start session'), { what: 'the new-session form' });
  await tmux.keys(pane, 'Enter');
  await tmux.waitFor(pane, (s) => s.includes('saved:') && s.includes('Streaming'), { what: 'the main screen after starting the session' });
  // A fresh session has the sections pane focused: the first `r` moves to the items, the next runs.
  for (let attempt = 0; attempt < 3; attempt++) {
    await tmux.keys(pane, 'r');
    try {
      return await tmux.waitFor(pane, isStreaming, { what: 'the item running with output on screen', timeoutMs: 3000 });
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/** Sends one key and times until `test` holds for the screen. */
async function keyToFrame(tmux, pane, key, test, what) {
  const start = performance.now();
  await tmux.keys(pane, key);
  const { at, screen } = await tmux.waitFor(pane, test, { what, timeoutMs: 10_000 });
  return { ms: at - start, screen };
}

await withWorkDir('key-latency', async (dir) => {
  const evidence = join(dir, 'evidence');
  const command = [process.execPath, builtCli(), 'open', join(FIXTURES, 'streaming.yaml'), '--ticket', 'BENCH-2', '--env', 'bench', '--operator', 'bench', '--evidence-dir', evidence]
    .map(shellQuote)
    .join(' ');
  const tmux = await Tmux.start({ width: 100, height: 30 });
  try {
    const pane = await tmux.open(command, { cwd: REPO_ROOT, env: { CUTOVER_EVIDENCE_DIR: evidence } });
    progress('TUI key latency: starting the session and the streaming item');
    await startStreaming(tmux, pane);
    const open = [];
    const close = [];
    let screen = '';
    for (let i = 0; i < samples; i++) {
      await sleep(50 + Math.random() * 100); // off the beat of the TUI's frame timer
      open.push((await keyToFrame(tmux, pane, '?', (s) => HELP.test(s), 'the help after ?')).ms);
      await sleep(50 + Math.random() * 100);
      const closed = await keyToFrame(tmux, pane, 'Escape', (s) => !HELP.test(s) && RUNNING.test(s), 'the running screen after Esc');
      close.push(closed.ms);
      screen = closed.screen;
      if (!isStreaming(screen)) throw new Error(`the command stopped streaming after ${i + 1} samples; the screen shows:\n${screen}`);
    }
    const streamed = RUNNING.exec(screen)?.[1] ?? 'unknown';
    progress(`TUI key latency: ${samples} samples taken while the command streamed (${streamed} so far); cancelling it`);
    await tmux.keys(pane, 'c');
    await tmux.waitFor(pane, (s) => /CANCELLED|PASS|FAIL|not run/.test(s), { what: 'the cancelled run', timeoutMs: 10_000 });

    const all = [...open, ...close];
    const raw = { helpOpenMs: open.map((ms) => round(ms)), helpCloseMs: close.map((ms) => round(ms)) };
    const detail = `? -> help median ${round(median(open))} ms, Esc -> back median ${round(median(close))} ms; ${samples} of each, tmux 100x30, polled every 5 ms; ${streamed} streamed by then`;
    printFigure({ name: 'TUI key-to-frame while streaming: median', value: round(median(all)), target: '<= 100 ms', unit: 'ms', note: detail, raw });
    printFigure({ name: 'TUI key-to-frame while streaming: p90', value: round(percentile(all, 90)), unit: 'ms', note: 'for information' });
  } finally {
    tmux.stop();
  }
});
