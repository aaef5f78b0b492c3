// The demo walked end to end in a real terminal with the built binary, as a drill compared with
// an earlier one: a first drill runs headless, then the walk opens with flags, fills roles, marks
// T0, runs the gates, the switch and the smoke checks (all pass), injects the fault, runs smoke
// again (one fails), declares SEV0 and sees ROLLBACK RECOMMENDED, walks the rollback, runs smoke
// again as a new pass (all pass), decides, signs off, exports, compares itself with the first
// drill (D), quits, verifies the bundle, and `cutover drills` lists both drills.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/services/evidence-store.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { hasTmux, Tmux } from './tmux.js';

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('skipping the tmux end-to-end test: tmux is not installed');

describe.skipIf(tmuxMissing)('the demo in a real terminal (tmux)', () => {
  const term = new Tmux();
  const evidenceDir = tempDir('cutover-e2e-');
  let sessionId = '';
  let firstDrillId = '';

  // A private copy of the build: a rebuild in the working tree during the walk cannot pull
  // chunks from under the running binary.
  const binDir = tempDir('cutover-e2e-bin-');
  const bin = join(binDir, 'dist', 'cutover.js');
  beforeAll(() => {
    spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
    cpSync(join(repoRoot, 'dist'), join(binDir, 'dist'), { recursive: true });
    cpSync(join(repoRoot, 'package.json'), join(binDir, 'package.json'));
  });
  afterAll(() => {
    term.kill();
    for (const id of [sessionId, firstDrillId].filter(Boolean)) spawnSync(process.execPath, ['checklists/demo/demo.mjs', 'stop', '--session', id], { cwd: repoRoot });
  });

  /** The built binary (the private copy), run to the end. */
  function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs the selected item (r: a scripted Enter right after a screen closes is ignored on
   * purpose, as a double press), waits for its verdict, and goes back (Enter). */
  async function runSelected(verdict: '✓ PASS' | '✗ FAIL' = '✓ PASS'): Promise<string> {
    term.keys('r');
    const screen = await term.waitFor((s) => s.includes('✓ PASS') || s.includes('✗ FAIL'));
    expect(screen).toContain(verdict);
    term.keys('Enter');
    await term.waitFor('Enter/r run');
    return screen;
  }

  /** p on a manual step, Enter on its dialog: marked pass. */
  async function markPass(title: string, id: string): Promise<void> {
    term.keys('p');
    await term.waitFor(`Mark "${title}`);
    term.keys('Enter');
    await term.waitFor(`${id} marked pass`);
  }

  async function toSection(title: string): Promise<void> {
    term.keys('Left');
    await term.waitFor('▸ Sections');
    for (let i = 0; i < 12; i++) {
      const screen = term.capture();
      if (new RegExp(`›\\S ${title}`).test(screen)) break;
      term.keys('j');
      await new Promise((done) => setTimeout(done, 150));
    }
    await term.waitFor(new RegExp(`›\\S ${title}`));
    term.keys('Right');
    await term.waitFor(/▸ (?!Sections)/);
  }

  it('walks the demo from open to a verified export', { timeout: 180_000 }, async () => {
    // an earlier drill of the same checklist, headless and without a fault: the one to beat
    const first = cli(['run', 'checklists/demo.yaml', '--headless', '--drill', '--ticket', 'DRILL-1', '--operator', 'e2e', '--evidence-dir', evidenceDir, ...['gates', 'cutover', 'smoke', 'rollback'].flatMap((s) => ['--section', s])]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    firstDrillId = /(demo-[\w-]+)\.json/.exec(first.stdout)?.[1] ?? '';

    term.start(`node ${bin} open checklists/demo.yaml --ticket CHG-E2E --env staging --operator e2e --drill --evidence-dir ${evidenceDir}; echo EXITED=$?; sleep 120`, { cwd: repoRoot });
    let screen = await term.waitFor('Start session');
    expect(screen).toContain('CHG-E2E');
    expect(screen).toContain('DRILL');

    // start, then fill the two required roles
    term.keys('Enter');
    await term.waitFor('T0 is blocked');
    term.keys('Enter');
    await term.waitFor('who holds the role now');
    term.type('Alice');
    term.keys('Enter');
    await term.waitFor('Release manager: Alice');
    term.keys('Enter');
    await term.waitFor('Ops on-call (required before T0)');
    term.type('Bob');
    term.keys('Enter');
    await term.waitFor('every required role is filled');
    term.keys('t');
    await term.waitFor('Mark T0 now');
    term.keys('Enter');
    await term.waitFor(/T\+00:0\d/);
    term.keys('Escape');
    screen = await term.waitFor('Enter/r run');
    sessionId = /saved: .*?(demo-[\w-]+)\.json/.exec(screen)?.[1] ?? '';
    expect(sessionId).not.toBe('');

    // gates, the switch, then the smoke checks: all pass
    term.keys('Right');
    await runSelected();
    await runSelected();
    await toSection('Cutover: switch');
    await runSelected();
    await runSelected();
    await toSection('Smoke checks');
    for (let i = 0; i < 3; i++) await runSelected();
    await term.waitFor(/Smoke checks \(run again a…?\S*\s+3\/3/);

    // the drill fault, then smoke again: the round-trip fails
    term.keys('I');
    await term.waitFor('INJECTING FAULT');
    await term.waitFor('✓ FAULT INJECTED');
    term.keys('Enter');
    await term.waitFor('Enter/r run');
    term.keys('g');
    await runSelected();
    await runSelected();
    screen = await runSelected('✗ FAIL');
    expect(screen).toContain('press i to declare');

    // declare the SEV0 the check suggests: the rules recommend a rollback
    term.keys('i');
    await term.waitFor('[SEV0]');
    term.type('round-trip reads back garbage');
    term.keys('Enter');
    screen = await term.waitFor('INC-1 declared (SEV0)');
    expect(screen).toContain('ROLLBACK RECOMMENDED — SEV0 open: any SEV0 => rollback');

    // walk the rollback; once its last command has run, it offers smoke again as pass 2
    await toSection('Rollback');
    await markPass('Freeze changes', 'rollback-announce');
    await runSelected();
    term.keys('r');
    await term.waitFor('✓ PASS');
    term.keys('Enter');
    await term.waitFor('run the smoke checks again as pass 2?');
    term.keys('y');
    await term.waitFor('pass 2 started');
    for (let i = 0; i < 3; i++) await runSelected();
    await term.waitFor(/3\/3 p2/);

    // then the rollback's follow-ups: smoke is green again, the timeline written
    await toSection('Rollback');
    await markPass('Run the smoke section again', 'rollback-smoke-again');
    term.keys('p');
    await term.waitFor('needs evidence');
    term.type('timeline and root cause in INC-1');
    term.keys('Enter');
    await term.waitFor('rollback-record marked pass');

    // decide, sign off, export
    term.keys('d');
    await term.waitFor('[rollback]');
    term.keys('Tab');
    term.type('SEV0 data corruption; legacy runtime green again');
    term.keys('Enter');
    await term.waitFor('decision recorded: rollback');
    term.keys('S');
    await term.waitFor('Sign-off');
    term.keys('Enter');
    await term.waitFor('Sign off as');
    term.type('Bob');
    term.keys('Enter');
    await term.waitFor('signed off: Bob');
    term.keys('Escape');
    await term.waitFor('Enter/r run');
    term.keys('x');
    await term.waitFor('Export the incident package');
    term.keys('Enter');
    await term.waitFor('written:', 30_000);
    term.keys('Escape');
    await term.waitFor('Enter/r run');

    // the drill summary: this drill against the first one
    term.keys('D');
    screen = await term.waitFor('against 1 earlier drill');
    expect(screen).toContain('DRILL-1');
    expect(screen).toMatch(/step\s+this drill\s+last\s+best\s+median\s+vs median/);
    expect(screen).toMatch(/^\s+total\s.*so far/m);
    // DRILL-1 ran headless, so it recorded the rollback's manual steps as not run; this drill walked
    // them: its rollback (and total) are not compared with DRILL-1's, rather than called slower, and
    // the summary says why
    expect(screen).toMatch(/^\s+rollback\s+\S+\s+-\s+-\s+-\s+not compared/m);
    expect(screen).toMatch(/this drill \S+ so far · failures 0 \(last drill 0, best 0\)/);
    expect(screen).toContain('this drill walked 3 steps (rollback-announce, rollback-smoke-again, rollback-record) that the');
    expect(screen).toContain('injected fault caught: smoke/smoke-roundtrip');
    for (let i = 0; i < 30 && !/Rollback: new → legacy\s+\S+/.test(term.capture()); i++) {
      term.keys('j');
      await new Promise((done) => setTimeout(done, 100));
    }
    screen = await term.waitFor(/Rollback: new → legacy\s+\S+\s+-\s+-\s+-\s+not compared/);
    term.keys('Escape');
    await term.waitFor('Enter/r run');

    // quit (a drill offers its summary first): the terminal is restored and the evidence path printed
    term.keys('q');
    screen = await term.waitFor('Quit cutover?');
    expect(screen).toContain('d summary first');
    term.keys('y');
    screen = await term.waitFor('EXITED=0');
    expect(screen).toContain('Evidence saved:');

    const { events } = await readEvidence(`${evidenceDir}/${sessionId}.json`);
    const exported = events.filter((e) => e.type === 'exported').at(-1);
    expect(exported).toBeDefined();
    const types = events.map((e) => e.type);
    expect(events.at(-1)).toMatchObject({ type: 'session.left', reason: 'the operator quit' });
    for (const type of ['role.assigned', 't0.marked', 'incident.declared', 'rule.fired', 'pass.started', 'decision.taken', 'signoff.recorded']) expect(types).toContain(type);
    expect(events.some((e) => e.type === 'command.started' && e.purpose === 'inject')).toBe(true);
    const verify = runCli(['verify', (exported as { path: string }).path]);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);

    // both drills in the history, oldest first
    const drills = cli(['drills', 'demo', '--evidence-dir', evidenceDir]);
    expect(drills.code).toBe(0);
    expect(drills.stdout).toContain('Drills of demo (2, oldest first)');
    const rows = drills.stdout.split('\n').filter((line) => /^\d{4}-\d\d-\d\d /.test(line));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/DRILL-1\s+e2e\s+\S+\s+passed\s+\S+ \(best\)/);
    expect(rows[1]).toMatch(/CHG-E2E\s+e2e\s+\S+\s+unfinished\s+\S+ so far/);
  });
});
