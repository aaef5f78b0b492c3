// A multi-line paste in a real terminal: the TUI asks for bracketed paste, so tmux (like any
// terminal) marks the pasted text, and all of it lands in the note. Without that, the first
// newline recorded the first line and the rest of the paste was typed onto the checklist as keys.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/services/evidence-store.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { hasTmux, Tmux } from './tmux.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'ui', 'small.yaml');

describe.skipIf(!hasTmux())('pasting into the TUI in a real terminal (tmux)', { timeout: 90_000 }, () => {
  const binDir = tempDir('cutover-e2e-paste-bin-');
  const bin = join(binDir, 'dist', 'cutover.js');
  let term: Tmux | undefined;
  beforeAll(() => {
    spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
    cpSync(join(repoRoot, 'dist'), join(binDir, 'dist'), { recursive: true });
    cpSync(join(repoRoot, 'package.json'), join(binDir, 'package.json'));
  });
  afterEach(() => term?.kill());

  it('a multi-line paste into a note is the whole note; none of it runs or marks anything', async () => {
    const evidenceDir = tempDir('cutover-e2e-paste-');
    const clip = join(tempDir('cutover-e2e-paste-clip-'), 'clip.txt');
    // r, p, f, s and t are keys of the checklist: typed, they would run, mark or mark T0
    writeFileSync(clip, 'restarted the pod\nran smoke by hand: pass\nfailover tested\n');
    const tmux = new Tmux();
    term = tmux;
    tmux.start(`node ${bin} open ${fixture} --ticket CHG-P --env test --var region=r1 --evidence-dir ${evidenceDir}; echo EXITED=$?; sleep 60`, {
      cwd: repoRoot,
      env: { TERM: 'xterm-256color' },
    });
    await tmux.waitFor('Start session');
    tmux.keys('Enter');
    await tmux.waitFor('T0 is blocked');
    tmux.keys('Escape');
    await tmux.waitFor('Sections');
    tmux.keys('Tab');
    await tmux.waitFor('▸ Smoke checks');
    tmux.keys('n');
    await tmux.waitFor('Note on "');
    execFileSync('tmux', ['-L', tmux.socket, 'load-buffer', '-b', 'clip', clip]);
    execFileSync('tmux', ['-L', tmux.socket, 'paste-buffer', '-p', '-b', 'clip', '-t', 'main']);
    await tmux.waitFor('failover tested');
    tmux.keys('Enter');
    await tmux.waitFor('note recorded');
    tmux.keys('q');
    await tmux.waitFor('Quit cutover?');
    tmux.keys('y');
    await tmux.waitFor('EXITED=0');

    const file = readdirSync(evidenceDir).find((name) => name.endsWith('.json')) ?? '';
    const { events } = await readEvidence(join(evidenceDir, file));
    expect(events.filter((e) => e.type === 'note.added').map((e) => (e as { text: string }).text)).toEqual(['restarted the pod ran smoke by hand: pass failover tested']);
    expect(events.filter((e) => ['command.started', 'item.marked', 't0.marked'].includes(e.type))).toEqual([]);
    expect(runCli(['verify', join(evidenceDir, file)]).code).toBe(0);
  });
});
