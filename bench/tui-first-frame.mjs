// First frame of the TUI in a real terminal: `cutover open checklists/demo.yaml --ticket BENCH-1
// --env bench` in tmux (detached, 100x30), from launching the command until BENCH-1 is on the
// screen, vs `node -e "console.log('BENCH-1')"` launched and watched the same way. Interleaved,
// median of --runs (default 7) after one warm-up each. Target: <= 2.5x.
// Usage: node bench/tui-first-frame.mjs [--runs N]
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { numberArg } from './lib/args.mjs';
import { printFigure, ratioOf } from './lib/figure.mjs';
import { interleave } from './lib/interleave.mjs';
import { progress } from './lib/progress.mjs';
import { REPO_ROOT, builtCli } from './lib/repo.mjs';
import { shellQuote } from './lib/shell.mjs';
import { median, round } from './lib/stats.mjs';
import { Tmux } from './lib/tmux.mjs';
import { withWorkDir } from './lib/workdir.mjs';

const runs = numberArg('--runs', 7);
const TICKET = 'BENCH-1';

await withWorkDir('first-frame', async (dir) => {
  const evidence = join(dir, 'evidence');
  const node = shellQuote(process.execPath);
  const commands = {
    tui: `${node} ${shellQuote(builtCli())} open checklists/demo.yaml --ticket ${TICKET} --env bench --evidence-dir ${shellQuote(evidence)}`,
    node: `${node} -e "console.log('${TICKET}')"`,
  };
  const tmux = await Tmux.start({ width: 100, height: 30 });
  try {
    const firstFrame = (command) => async () => {
      const start = performance.now();
      // The shell holds the terminal open after a command that exits at once: output written
      // just before the last writer closes a pty can be lost, and the screen would stay blank.
      const pane = await tmux.open(`${command}; exec sleep 60`, { cwd: REPO_ROOT, env: { CUTOVER_EVIDENCE_DIR: evidence } });
      const { at } = await tmux.waitFor(pane, (screen) => screen.includes(TICKET), { what: `${TICKET} on the screen of: ${command}` });
      await tmux.close(pane);
      await sleep(100); // let the closed one exit before the next starts
      return at - start;
    };
    const contenders = { node: firstFrame(commands.node), tui: firstFrame(commands.tui) };
    progress('TUI first frame: warm-up');
    for (const measure of Object.values(contenders)) await measure();
    const samples = await interleave(contenders, runs, (r, got) =>
      progress(`TUI first frame: run ${r + 1}/${runs}: node ${Math.round(got.node[r])} ms, tui ${Math.round(got.tui[r])} ms`),
    );
    const [tui, bare] = [median(samples.tui), median(samples.node)];
    printFigure({
      name: 'TUI first frame (open demo, ticket on screen)',
      value: round(tui), baseline: round(bare), ratio: ratioOf(tui, bare), target: '<= 2.5x', unit: 'ms',
      note: `tmux 100x30, capture-pane polled every 5 ms; baseline: node -e "console.log('${TICKET}')" launched the same way (each as \`<command>; exec sleep 60\` in a new window); median of ${runs}`,
      raw: { tui: samples.tui.map((ms) => round(ms)), node: samples.node.map((ms) => round(ms)) },
    });
  } finally {
    tmux.stop();
  }
});
