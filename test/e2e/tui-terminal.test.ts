// The TUI in a real terminal beyond the demo walk: no terminal means a clear refusal, NO_COLOR
// means no color codes, a resize re-lays out the screen, and a hang-up (an SSH drop) cancels the
// running command, records it, releases the lock and exits.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/services/evidence-store.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { hasTmux, Tmux } from './tmux.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'ui', 'small.yaml');

describe('without a terminal', () => {
  it.each([[[]], [['open', 'checklists/demo.yaml']], [['resume']]])('cutover %j refuses and names --headless (exit 2)', (args) => {
    const result = runCli(args, { input: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no terminal: the TUI needs a TTY');
    expect(result.stderr).toContain('cutover run <checklist> --headless');
  });
});

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('skipping the tmux terminal tests: tmux is not installed');

describe.skipIf(tmuxMissing)('in a real terminal (tmux)', { timeout: 90_000 }, () => {
  const binDir = tempDir('cutover-e2e-bin-');
  const bin = join(binDir, 'dist', 'cutover.js');
  let term: Tmux;
  beforeAll(() => {
    spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
    cpSync(join(repoRoot, 'dist'), join(binDir, 'dist'), { recursive: true });
    cpSync(join(repoRoot, 'package.json'), join(binDir, 'package.json'));
  });
  afterEach(() => term?.kill());

  function open(evidenceDir: string, env: Record<string, string> = {}, stderrTo?: string): void {
    term = new Tmux();
    const stderr = stderrTo ? ` 2>${stderrTo}` : '';
    const command = `node ${bin} open ${fixture} --ticket CHG-T --env test --var region=r1 --evidence-dir ${evidenceDir}${stderr}; echo EXITED=$?; sleep 60`;
    term.start(command, { cwd: repoRoot, env: { TERM: 'xterm-256color', ...env } });
  }

  /** Opens the fixture, starts the session (roles are missing: T0 is blocked) and goes to the main view. */
  async function openMain(evidenceDir: string, stderrTo?: string): Promise<void> {
    open(evidenceDir, {}, stderrTo);
    await term.waitFor('Start session');
    term.keys('Enter');
    await term.waitFor('T0 is blocked');
    term.keys('Escape');
    await term.waitFor('Sections');
  }

  it('an invalid checklist: the terminal is restored and the error names file and line (exit 1)', async () => {
    const dir = tempDir('cutover-e2e-');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: bad\ntitle: Bad\nversion: 1\nsections:\n  - id: s\n    title: S\n    kind: nope\n');
    term = new Tmux();
    term.start(`node ${bin} open ${bad} --ticket CHG-X --evidence-dir ${join(dir, 'ev')}; echo EXITED=$?; sleep 60`, { cwd: repoRoot });
    const screen = await term.waitFor('EXITED=');
    expect(screen).toContain('EXITED=1');
    expect(screen).toMatch(/invalid checklist .*bad\.yaml/);
    expect(screen).toMatch(/bad\.yaml:7/);
    expect(existsSync(join(dir, 'ev'))).toBe(false);
  });

  it('resume with nothing to resume says so (exit 1)', async () => {
    term = new Tmux();
    term.start(`node ${bin} resume --evidence-dir ${tempDir('cutover-e2e-')}; echo EXITED=$?; sleep 60`, { cwd: repoRoot });
    const screen = await term.waitFor('EXITED=');
    expect(screen).toContain('no unfinished session');
    expect(screen).toContain('EXITED=1');
  });

  it('NO_COLOR: no color codes on screen (and colors without it)', async () => {
    open(tempDir('cutover-e2e-'), { NO_COLOR: '1' });
    await term.waitFor('Start session');
    const colorCode = /\u001B\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25])[;m]/;
    expect(term.capture(true)).not.toMatch(colorCode);
    term.kill();
    open(tempDir('cutover-e2e-'));
    await term.waitFor('Start session');
    term.keys('Enter');
    await term.waitFor('T0 is blocked');
    expect(term.capture(true)).toMatch(colorCode);
  });

  it('draws on a terminal even with CI=true in the environment (Ink alone would draw nothing until exit)', async () => {
    open(tempDir('cutover-e2e-'), { CI: 'true', CONTINUOUS_INTEGRATION: '1' });
    const screen = await term.waitFor('Start session');
    expect(screen).toContain('New session');
  });

  it('keys typed faster than the screen redraws act in order on what each one selected', async () => {
    open(tempDir('cutover-e2e-'));
    await term.waitFor('Start session');
    term.keys('Enter');
    await term.waitFor(/Release lead\s+yes\s+MISSING/);
    term.keysAtOnce('j', 'u');
    const screen = await term.waitFor(/Ops on-call\s+yes\s+TBD/);
    expect(screen).toMatch(/Release lead\s+yes\s+MISSING/);
  });

  it('cutover upgraded (its files replaced) while a session is open: the export still works', async () => {
    const dir = tempDir('cutover-e2e-');
    await openMain(join(dir, 'ev'));
    await new Promise((done) => setTimeout(done, 1_500)); // the warm-up after the first frame
    const chunks = join(binDir, 'dist', 'chunks');
    renameSync(chunks, `${chunks}-old`); // what an upgrade leaves to the running process: other files
    try {
      term.keys('x');
      await term.waitFor('Export the incident package');
      term.keys('Enter');
      const screen = await term.waitFor(/✓ written:|cannot export|Cannot find module/);
      expect(screen).toContain('✓ written:');
      expect(screen).not.toContain('Cannot find module');
    } finally {
      renameSync(`${chunks}-old`, chunks);
    }
  });

  it('re-lays out when the terminal is resized', async () => {
    await openMain(tempDir('cutover-e2e-'));
    spawnSync('tmux', ['-L', term.socket, 'resize-window', '-t', 'main', '-x', '56', '-y', '20']);
    const screen = await term.waitFor('◀ 1/6 ▶');
    expect(screen.split('\n').every((line) => [...line].length <= 56)).toBe(true);
  });

  it('a hang-up while a command runs: the run is recorded as cancelled, the lock released, no crash', async () => {
    const evidenceDir = tempDir('cutover-e2e-');
    const stderr = join(tempDir('cutover-e2e-'), 'stderr');
    await openMain(evidenceDir, stderr);
    term.keys('Right');
    await term.waitFor('▸ Smoke checks');
    term.keys('j');
    await term.waitFor('Exits 3  (broken)');
    term.keys('j');
    await term.waitFor('Sleeps  (slow)');
    // r, not Enter: under load the main view may have drawn less than 400 ms ago, and an Enter that
    // soon after a screen change is ignored on purpose (a double press never runs an item)
    term.keys('r');
    await term.waitFor('running ·');
    const file = readdirSync(evidenceDir).find((name) => name.endsWith('.json')) ?? '';
    const evidence = join(evidenceDir, file);
    expect(existsSync(`${evidence}.lock`)).toBe(true);
    term.kill(); // closes the terminal: the process gets SIGHUP
    const deadline = Date.now() + 10_000;
    while (existsSync(`${evidence}.lock`) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    expect(existsSync(`${evidence}.lock`)).toBe(false);
    const { events } = await readEvidence(evidence);
    const finished = events.filter((e) => e.type === 'command.finished');
    expect(finished.at(-1)).toMatchObject({ cancelled: true });
    expect(events.at(-1)).toMatchObject({ type: 'session.left', reason: 'the terminal closed (SIGHUP)' });
    expect(runCli(['verify', evidence]).code).toBe(0);
    // Node 20 aborted at exit restoring the vanished terminal (a native stack trace, a core dump).
    await new Promise((done) => setTimeout(done, 1_000));
    expect(readFileSync(stderr, 'utf8')).not.toMatch(/Assertion failed|Native stack trace/);
  });
});
