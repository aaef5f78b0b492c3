// The README's runnable examples, run as written (plus a temp --evidence-dir): the headless demo
// drill of "## Drills" and the CI gate of "### In CI" do what the README says they do.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The arguments of the first README example that starts with `start` (in backticks or a code block). */
function example(start: string): string[] {
  const at = readme.indexOf(start);
  expect(at, `README has no example starting "${start}"`).toBeGreaterThan(-1);
  const line = readme.slice(at).split(/[`\n]/)[0] as string;
  return line.trim().split(/\s+/).slice(1);
}

const stopDemo = (evidence: string): void => {
  spawnSync(process.execPath, [join(repoRoot, 'checklists/demo/demo.mjs'), 'stop', '--session', basename(evidence, '.json')], { timeout: 20_000 });
};

describe('README examples', () => {
  it('the headless demo drill passes: the round-trip catches the fault, the soak fails under it (not counted)', () => {
    const args = example('cutover run demo --headless --drill');
    expect(args).toContain('--confirm-requirements');
    const result = runCli([...args, '--evidence-dir', tempDir()]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('result: passed — injected fault caught: smoke/smoke-roundtrip');
    expect(result.stdout).toContain('failed while the injected fault was in place (not counted): soak/soak-watch');
    expect(result.stdout).toMatch(/rollback\/rollback-run +.*pass/);
    // "the totals line and the drill line give the same total"
    const totals = /not run in (\S+)\n/.exec(result.stdout)?.[1];
    expect(totals).toBeDefined();
    expect(result.stdout).toContain(`drill: total ${totals} `);
  }, 90_000);

  it('the same drill without --confirm-requirements FAILED: its roll-forward stayed locked', () => {
    const args = example('cutover run demo --headless --drill').filter((arg) => arg !== '--confirm-requirements');
    const result = runCli([...args, '--evidence-dir', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('result: FAILED — locked, not rehearsed');
    expect(result.stdout).toMatch(/rollforward\/rollforward-fix +.*LOCKED .*--confirm-requirements/);
  }, 90_000);

  it('the CI gate prints one JSON object {ok, passed, failed, skipped, evidence, items} and nothing else', () => {
    const args = example('cutover run checklists/demo.yaml --headless');
    const result = runCli([...args, '--evidence-dir', tempDir()]);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    try {
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(Object.keys(json)).toEqual(['ok', 'passed', 'failed', 'skipped', 'evidence', 'items']);
      expect(json.ok).toBe(true);
    } finally {
      stopDemo(String(json.evidence)); // the gates started the demo service; nothing in gates or smoke stops it
    }
  }, 90_000);

  it('the README names every bundled checklist `cutover list` shows', () => {
    const listed = JSON.parse(runCli(['list', '--json', '--evidence-dir', tempDir()]).stdout) as { checklists: { id: string; origin: string }[] };
    const ids = listed.checklists.filter((c) => c.origin === 'bundled').map((c) => c.id);
    expect(ids).toContain('demo');
    for (const id of ids.filter((i) => i !== 'demo')) expect(readme, `README does not name bundled checklist ${id}`).toContain(`\`${id}\``);
  });
});
