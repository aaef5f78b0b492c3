// The TUI on a long runbook and a long session, against the bundled demo as the baseline. Two
// sessions are generated (bench/lib/large-session.mjs): test/fixtures/large/runbook.yaml (40
// sections, 800 items) with ~10,000 events, and checklists/demo.yaml (37 items) with ~200. Each
// round resumes both in tmux (100x30), alternating which goes first, and times: the first frame
// of `resume` (the cursor's item detail on screen), `open` up to its new-session form, and
// key-to-frame of Tab, ↓/↑ between sections, g, ↓, four ↓ sent at once (a held key), PgDn, G,
// the detail of the item with the most runs, v (incidents) and D (drill summary) and back; the
// process's CPU time per key while ↓/↑ repeat in each pane; then its peak RSS. Prints each figure
// as the large and demo medians and their ratio (information only: no targets yet).
// Usage: node bench/tui-large.mjs [--runs N] [--events N]   (Linux: reads /proc for CPU and RSS)
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { numberArg } from './lib/args.mjs';
import { printFigure, ratioOf } from './lib/figure.mjs';
import { bundledDomain } from './lib/event-chain.mjs';
import { writeLargeSession } from './lib/large-session.mjs';
import { progress } from './lib/progress.mjs';
import { REPO_ROOT, builtCli } from './lib/repo.mjs';
import { shellQuote } from './lib/shell.mjs';
import { median, round } from './lib/stats.mjs';
import { Tmux } from './lib/tmux.mjs';
import { withWorkDir } from './lib/workdir.mjs';

const runs = numberArg('--runs', 5);
const events = numberArg('--events', 10_000);
const CHECKLISTS = { large: join(REPO_ROOT, 'test', 'fixtures', 'large', 'runbook.yaml'), demo: join(REPO_ROOT, 'checklists', 'demo.yaml') };
const EVENTS = { large: events, demo: 200 };

const idShown = (id) => (screen) => screen.includes(`(${id})`);
const sectionsFocused = (screen) => screen.includes('▸ Sections');

/** A fresh copy of a generated session (a resume appends to it): evidence and snapshot copied, run logs linked. */
function freshCopy(session, into) {
  mkdirSync(into, { recursive: true });
  for (const suffix of ['.json', '.checklist.yaml']) cpSync(join(session.dir, `${session.id}${suffix}`), join(into, `${session.id}${suffix}`));
  symlinkSync(join(session.dir, `${session.id}.runs`), join(into, `${session.id}.runs`));
  return join(into, `${session.id}.json`);
}

function peakRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { hwmMb: kib('VmHWM') / 1024, rssMb: kib('VmRSS') / 1024 };
}

/** CPU time the process has used so far, in ms (utime + stime; clock ticks of 10 ms). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU per key of `pairs` key pairs sent one by one (`gapMs` apart, as a held key repeats) and
 * one more `last` key, less what the process used idle over as long (the clock's frames).
 */
async function cpuPerKey(tmux, pane, pid, { pair, last, test, pairs = 30, gapMs = 25 }) {
  const burst = async () => {
    for (let i = 0; i < pairs; i++) for (const key of pair) {
      await tmux.keys(pane, key);
      await sleep(gapMs);
    }
    await tmux.keys(pane, last);
    await tmux.waitFor(pane, test, { what: 'the end of the burst' });
  };
  const before = cpuMs(pid);
  const started = performance.now();
  await burst();
  const busy = cpuMs(pid) - before;
  const wall = performance.now() - started;
  const idleBefore = cpuMs(pid);
  await sleep(wall);
  const idle = cpuMs(pid) - idleBefore;
  return Math.max(0, busy - idle) / (pairs * pair.length + 1);
}

/** One session resumed and walked through; returns ms per step, and MB. */
async function walk(tmux, session, dir, round) {
  const evidence = freshCopy(session, join(dir, `${session.name}-${round}`));
  const pidFile = join(dir, `${session.name}-${round}.pid`);
  const cli = [process.execPath, builtCli(), 'resume', evidence, '--evidence-dir', join(dir, `${session.name}-${round}`)].map(shellQuote).join(' ');
  const { sections } = session.checklist;
  const here = sections.findIndex((s) => s.id === session.busiest.section);
  const next = sections[here + 1];
  const busiestId = session.busiest.item;
  const nextItem = (i) => next.items[Math.max(0, Math.min(next.items.length - 1, i))].id;
  const times = {};
  let pane;
  const step = async (name, keys, test, what) => {
    await sleep(60 + Math.random() * 60); // off the beat of the clock's once-a-second frame
    const start = performance.now();
    if (keys.length) await tmux.keys(pane, ...keys);
    const { at } = await tmux.waitFor(pane, test, { what: `${what} (${session.name})`, timeoutMs: 15_000 });
    times[name] = at - start;
  };
  const start = performance.now();
  pane = await tmux.open(`echo $$ > ${shellQuote(pidFile)}; exec ${cli}`, { cwd: REPO_ROOT });
  times.resumeFirstFrame = (await tmux.waitFor(pane, idShown(busiestId), { what: `the resumed main screen (${session.name})`, timeoutMs: 30_000 })).at - start;
  await step('incidentsOpen', ['v'], (s) => s.includes('Incidents') && s.includes('R resolve'), 'the incidents list');
  await step('incidentsBack', ['Escape'], idShown(busiestId), 'the main screen again');
  await step('drillSummaryOpen', ['D'], (s) => s.includes('Drill summary'), 'the drill summary');
  await step('drillSummaryBack', ['Escape'], idShown(busiestId), 'the main screen again');
  await step('tabToSections', ['Tab'], sectionsFocused, 'the sections pane focused');
  await step('sectionDown', ['Down'], idShown(nextItem(0)), 'the next section');
  await step('sectionUpToBusiest', ['Up'], idShown(busiestId), 'the detail of the item with the most runs');
  await step('sectionDownAgain', ['Down'], idShown(nextItem(0)), 'the next section');
  await step('tabToItems', ['Tab'], (s) => !sectionsFocused(s), 'the items pane focused');
  await step('down', ['Down'], idShown(nextItem(1)), 'the next item');
  // as a held key sends them; four, so that the demo's section (6 items) moves as often as the large one
  await step('heldDown', Array(4).fill('Down'), idShown(nextItem(5)), 'four items further');
  await step('top', ['g'], idShown(nextItem(0)), 'the first item');
  await step('pageDown', ['PageDown'], (s) => !idShown(nextItem(0))(s) && /\((s\d+-i\d+|[a-z-]+)\)/.test(s), 'a page further');
  await step('bottom', ['G'], idShown(nextItem(Infinity)), 'the last item');
  const pid = readFileSync(pidFile, 'utf8').trim();
  await step('topAgain', ['g'], idShown(nextItem(0)), 'the first item');
  const cpu = {
    items: await cpuPerKey(tmux, pane, pid, { pair: ['Down', 'Up'], last: 'Down', test: idShown(nextItem(1)) }),
  };
  await step('tabToSectionsAgain', ['Tab'], sectionsFocused, 'the sections pane focused');
  cpu.sections = await cpuPerKey(tmux, pane, pid, { pair: ['Up', 'Down'], last: 'Up', test: idShown(busiestId) });
  const memory = peakRss(pid);
  await tmux.close(pane);
  return { times, memory, cpu };
}

await withWorkDir('tui-large', async (dir) => {
  progress(`TUI large: generating the sessions (${events} events on 800 items; 200 on the demo)`);
  const sessions = {};
  const domain = await bundledDomain(dir);
  for (const name of ['large', 'demo']) {
    const id = `${name}-20261123-010000-beef`;
    const source = join(dir, `source-${name}`);
    const made = writeLargeSession(source, domain, { checklistPath: CHECKLISTS[name], events: EVENTS[name], sessionId: id });
    sessions[name] = { name, id, dir: source, checklist: made.checklist, busiest: made.busiest, events: made.events };
  }
  const tmux = await Tmux.start({ width: 100, height: 30 });
  const samples = { large: [], demo: [] };
  const openFrame = { large: [], demo: [] };
  try {
    const openForm = async (name, round) => {
      const evidence = join(dir, `open-${name}-${round}`);
      const cli = [process.execPath, builtCli(), 'open', CHECKLISTS[name], '--ticket', 'BENCH-OPEN', '--env', 'bench', '--evidence-dir', evidence].map(shellQuote).join(' ');
      const start = performance.now();
      const pane = await tmux.open(cli, { cwd: REPO_ROOT });
      const { at } = await tmux.waitFor(pane, (s) => s.includes('Start session'), { what: `the new-session form (${name})` });
      await tmux.close(pane);
      return at - start;
    };
    for (let r = 0; r <= runs; r++) {
      const order = r % 2 ? ['demo', 'large'] : ['large', 'demo'];
      for (const name of order) {
        const walked = await walk(tmux, sessions[name], dir, r);
        const opened = await openForm(name, r);
        // round 0 warms up the disk cache and the bundle
        if (r > 0) {
          samples[name].push(walked);
          openFrame[name].push(opened);
        }
      }
      if (r > 0) progress(`TUI large: round ${r}/${runs}: resume large ${round(samples.large.at(-1).times.resumeFirstFrame)} ms, demo ${round(samples.demo.at(-1).times.resumeFirstFrame)} ms`);
    }
  } finally {
    tmux.stop();
  }
  const figure = (name, large, demo, unit, note) =>
    printFigure({ name: `TUI large/demo: ${name}`, value: round(median(large), 1), baseline: round(median(demo), 1), ratio: ratioOf(median(large), median(demo)), unit, note, raw: { large: large.map((v) => round(v, 1)), demo: demo.map((v) => round(v, 1)) } });
  const note = `large: 800 items, ${sessions.large.events} events; demo: 37 items, ${sessions.demo.events} events; tmux 100x30, median of ${runs} rounds, alternating`;
  figure('open, new-session form', openFrame.large, openFrame.demo, 'ms', note);
  for (const key of Object.keys(samples.large[0].times)) {
    figure(key, samples.large.map((s) => s.times[key]), samples.demo.map((s) => s.times[key]), 'ms', note);
  }
  for (const pane of ['items', 'sections']) {
    figure(`CPU per ↓/↑ in the ${pane} pane`, samples.large.map((s) => s.cpu[pane]), samples.demo.map((s) => s.cpu[pane]), 'ms', `${note}; process CPU (utime+stime) over 61 keys sent 25 ms apart, less idle CPU over as long`);
  }
  figure('peak RSS', samples.large.map((s) => s.memory.hwmMb), samples.demo.map((s) => s.memory.hwmMb), 'MB', note);
});
