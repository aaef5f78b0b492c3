// `cutover run --headless` through the built CLI: exit codes, the table, --json, sections,
// manual and destructive items, drills and injection, quoting.
import { existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, fixture, readEvents, runHeadless, runJson, scratch } from './helpers.js';

afterAll(cleanScratch);

describe('cutover run --headless', () => {
  it('refuses to run without --headless, naming it (exit 2), and writes no evidence', () => {
    const dir = scratch();
    const bare = runCli(['run', fixture('pass.yaml'), '--evidence-dir', dir]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--headless');
    expect(evidenceFiles(dir)).toEqual([]);
  });

  it('passes: prints a row per item, totals and the evidence path, exit 0, evidence file 0600', () => {
    const dir = scratch();
    const result = runHeadless('pass.yaml', dir, ['--ticket', 'CHG-1', '--env', 'staging']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/gates\/g1\s+Preflight\s+pass\s+0/);
    expect(result.stdout).toMatch(/smoke\/health\s+Health endpoint answers\s+pass\s+0/);
    expect(result.stdout).toMatch(/smoke\/eyeball\s+Dashboards look normal\s+not run/);
    expect(result.stdout).toContain('2 passed, 0 failed, 1 not run');
    const [file] = evidenceFiles(dir);
    expect(file).toBeDefined();
    expect(result.stdout).toContain(`evidence: ${file}`);
    expect(statSync(file as string).mode & 0o777).toBe(0o600);
    const header = JSON.parse(readFileSync(file as string, 'utf8')).header;
    expect(header).toMatchObject({ ticket: 'CHG-1', environment: 'staging', mode: 'live' });
  });

  it('--json prints exactly one object with the documented shape; manual items are recorded not-run', () => {
    const dir = scratch();
    const { code, json, stdout } = runJson('pass.yaml', dir);
    expect(code).toBe(0);
    expect(json).toBeDefined();
    expect(Object.keys(json ?? {}).sort()).toEqual(['evidence', 'failed', 'items', 'ok', 'passed', 'skipped']);
    expect(json).toMatchObject({ ok: true, passed: 2, failed: 0, skipped: 1 });
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(json?.items.map((i) => [i.section, i.item, i.result])).toEqual([
      ['gates', 'g1', 'pass'],
      ['smoke', 'health', 'pass'],
      ['smoke', 'eyeball', 'not-run'],
    ]);
    const health = json?.items[1];
    expect(health).toMatchObject({ title: 'Health endpoint answers', exitCode: 0 });
    expect(typeof health?.durationMs).toBe('number');
    expect(health?.runId).toMatch(/^r\d+/);
    expect(json?.items[2]).toMatchObject({ exitCode: null, runId: null });
    const events = readEvents(json?.evidence as string);
    const manual = events.find((e) => e.type === 'item.marked' && e.item === 'eyeball');
    expect(manual).toMatchObject({ status: 'not-run', note: 'manual item: not run headless' });
    expect(events.at(-1)?.type).toBe('session.closed');
  });

  it('a failing check fails the run (exit 1) and the run goes on to the next items', () => {
    const dir = scratch();
    const table = runHeadless('fail.yaml', dir);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/smoke\/broken\s+This one exits 3\s+FAIL\s+3/);
    expect(table.stdout).toContain('2 passed, 1 failed, 0 not run');
    const { code, json } = runJson('fail.yaml', dir);
    expect(code).toBe(1);
    expect(json).toMatchObject({ ok: false, passed: 2, failed: 1, skipped: 0 });
    expect(json?.items.find((i) => i.item === 'broken')).toMatchObject({ result: 'fail', exitCode: 3 });
    expect(json?.items.find((i) => i.item === 'after')).toMatchObject({ result: 'pass' });
  });

  it('--section restricts the run to those sections; an unknown id is a usage error listing the valid ones', () => {
    const dir = scratch();
    const { code, json } = runJson('pass.yaml', dir, ['--section', 'smoke']);
    expect(code).toBe(0);
    expect(json?.items.map((i) => i.item)).toEqual(['health', 'eyeball']);
    const other = scratch();
    const bad = runHeadless('pass.yaml', other, ['--section', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"nope"');
    expect(bad.stderr).toContain('gates, smoke');
    expect(evidenceFiles(other)).toEqual([]);
  });

  it('an invalid checklist is a validation error: exit 2 with file:line and the field, no evidence', () => {
    const dir = scratch();
    const result = runHeadless('invalid.yaml', dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid\.yaml:12:\d+ sections\[0\]\.items\[0\]\.timeout/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(evidenceFiles(dir)).toEqual([]);
  });

  it('an evidence directory that cannot be made (under /proc, under a file) fails at once, exit 2 (nothing ran: not a failed check), one clear line', () => {
    const file = join(scratch(), 'a-file');
    writeFileSync(file, 'x');
    const loop = join(scratch(), 'loop');
    symlinkSync(loop, loop);
    const cases: Array<[string, string]> = [
      ['/proc/no-such-dir/ev', 'no such file or directory'],
      [join(file, 'ev'), 'a part of the path is not a directory'],
      [join(loop, 'ev'), 'a symbolic link loop'],
      [join(scratch(), 'x'.repeat(300)), 'the file name is too long'],
    ];
    for (const [dir, why] of cases) {
      const result = runCli(['run', 'checklists/demo.yaml', '--headless', '--section', 'gates', '--evidence-dir', dir], { timeout: 15_000 });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot create the evidence directory ${dir}: ${why}`);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('--inject is refused outside a drill (exit 2) and injects the declared fault in one', () => {
    const dir = scratch();
    const env = { CUTOVER_TEST_DIR: dir };
    const refused = runHeadless('drill.yaml', dir, ['--inject', 'svc'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--drill');
    expect(evidenceFiles(dir)).toEqual([]);

    const clean = runJson('drill.yaml', dir, ['--drill'], env);
    expect(clean.code).toBe(0);
    // the check fails, as the drill means it to: the fault was caught, so the drill passed (exit 0)
    const drilled = runJson('drill.yaml', scratch(), ['--drill', '--inject', 'svc'], env);
    expect(drilled.code).toBe(0);
    expect(drilled.json?.injected).toEqual([expect.objectContaining({ item: 'svc', exitCode: 0, ok: true })]);
    expect(drilled.json?.items[0]).toMatchObject({ item: 'svc', result: 'fail' });
    expect(drilled.json).toMatchObject({ ok: true, failed: 1, drill: { result: 'passed', findings: ['injected fault caught: smoke/svc'] } });
    // a fault that could not be injected was not rehearsed: the drill FAILED (exit 1)
    const notInjected = runJson('drill.yaml', scratch(), ['--drill', '--inject', 'svc'], { CUTOVER_TEST_DIR: join(dir, 'no', 'such', 'dir') });
    expect(notInjected.code).toBe(1);
    expect(notInjected.json).toMatchObject({ ok: false, failed: 0, drill: { result: 'failed' } });
    const file = drilled.json?.evidence as string;
    expect(JSON.parse(readFileSync(file, 'utf8')).header.mode).toBe('drill');
    expect(readEvents(file).some((e) => e.type === 'command.started' && e.purpose === 'inject')).toBe(true);
    const unknown = runHeadless('drill.yaml', scratch(), ['--drill', '--inject', 'nope'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('svc');
  });

  it('--inject of an item outside the selected sections names where the faults are', () => {
    const result = runHeadless('drill.yaml', scratch(), ['--drill', '--inject', 'nope', '--section', 'wrapup'], { CUTOVER_TEST_DIR: scratch() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('none in the selected sections; items with a fault: svc (section smoke)');
  });

  it('a drill ends with its timings against earlier drills, and `cutover drills` lists them', () => {
    const dir = scratch();
    const env = { CUTOVER_TEST_DIR: scratch() };
    const first = runHeadless('drill.yaml', dir, ['--drill', '--ticket', 'DRILL-1'], env);
    expect(first.stdout).toMatch(/^drill: total \S+ \(first drill\)/m);
    const second = runHeadless('drill.yaml', dir, ['--drill', '--ticket', 'DRILL-2'], env);
    expect(second.stdout).toMatch(/^drill: total \S+ \((same as median|\S+ (faster|slower) than median)\) against 1 earlier drill$/m);
    const history = runCli(['drills', 'headless-drill', '--evidence-dir', dir]);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/DRILL-1 .*\n.*DRILL-2 /);
    expect(runCli(['drills', 'nope', '--evidence-dir', dir]).code).toBe(2);
    const empty = runCli(['drills', 'demo', '--evidence-dir', scratch()]);
    expect(empty.code).toBe(0);
    expect(empty.stdout + empty.stderr).toMatch(/no drills/i);
  });

  it('destructive items are refused and recorded unless --allow-destructive', () => {
    const refused = runJson('destructive.yaml', scratch());
    expect(refused.code).toBe(1);
    expect(refused.json?.items[0]).toMatchObject({ item: 'wipe', result: 'refused', runId: null });
    const events = readEvents(refused.json?.evidence as string);
    expect(events.some((e) => e.type === 'destructive.refused' && e.item === 'wipe')).toBe(true);
    expect(events.some((e) => e.type === 'command.started')).toBe(false);
    // the report counts the refusal as the run did (a failure), and says why no check failed
    expect(refused.json).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
    const report = runCli(['report', refused.json?.evidence as string]).stdout;
    expect(report).toMatch(/\*\*Status:\*\* 0 passed · 1 failed \(1 destructive, refused\) · 0 skipped · 0 not run · /);
    expect(report).toContain('| wipe | Drop the cache | REFUSED |');

    const allowed = runJson('destructive.yaml', scratch(), ['--allow-destructive']);
    expect(allowed.code).toBe(0);
    expect(allowed.json?.items[0]).toMatchObject({ item: 'wipe', result: 'pass' });
    expect(readEvents(allowed.json?.evidence as string).some((e) => e.type === 'destructive.confirmed')).toBe(true);
  });

  it('a section whose requirements are not met is not entered: recorded, counted as failed', () => {
    const { code, json } = runJson('locked.yaml', scratch());
    expect(code).toBe(1);
    expect(json?.items.map((i) => [i.item, i.result])).toEqual([
      ['g1', 'fail'],
      ['go', 'locked'],
    ]);
    const events = readEvents(json?.evidence as string);
    expect(events.some((e) => e.type === 'command.started' && e.item === 'go')).toBe(false);
    expect(events.find((e) => e.type === 'item.marked' && e.item === 'go')).toMatchObject({ status: 'not-run', locked: true, note: expect.stringContaining('section locked: gates not all passed: g1') });
    // the report counts it as the run did
    expect(runCli(['report', json?.evidence as string]).stdout).toMatch(/\*\*Status:\*\* 0 passed · 2 failed \(1 in a locked section\) · 0 skipped · 0 not run/);
  });

  it('a watch item is a soak: re-run until its time is up, one row with the run count', () => {
    const dir = scratch();
    const table = runHeadless('soak.yaml', dir);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/soak\/loop\s+Health in a loop\s+pass\s+0\s+\S+\s+soak: \d+ runs, 0 failed/);
    const events = readEvents(evidenceFiles(dir)[0] as string);
    expect(events.filter((e) => e.type === 'command.started' && e.purpose === 'watch').length).toBeGreaterThanOrEqual(2);
  });

  it('variables are shell-quoted: --var x=\'$(touch …)\' never executes', () => {
    const dir = scratch();
    const marker = join(dir, 'pwned');
    const { code, json } = runJson('vars.yaml', dir, ['--var', `x=$(touch ${marker})\`touch ${marker}\`;touch ${marker}`]);
    expect(code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const finished = readEvents(json?.evidence as string).find((e) => e.type === 'command.finished') as unknown as { excerpt: { head: string } };
    expect(finished.excerpt.head).toContain(`value=$(touch ${marker})`);
  });
});

describe('a check that leaves a process holding its output', () => {
  it('passes, is closed 2s after its command exits, and says so in the table, --json and the evidence; the process is left running', () => {
    const dir = scratch();
    const pidFile = join(dir, 'worker.pid');
    const { code, json } = runJson('background.yaml', dir, [], { CUTOVER_PID_FILE: pidFile });
    const worker = Number(readFileSync(pidFile, 'utf8'));
    try {
      expect(code).toBe(0);
      expect(json?.items.map((i) => [i.item, i.result, i.note])).toEqual([
        ['worker', 'pass', 'what it started in the background still held its output: left running, closed 2s after the command exited'],
        ['quiet', 'pass', undefined],
      ]);
      expect(json?.items[0]?.durationMs).toBeGreaterThanOrEqual(2_000);
      const finished = readEvents(json?.evidence as string).filter((e) => e.type === 'command.finished');
      expect(finished.map((e) => e.outputLeftOpen)).toEqual([true, undefined]);
      expect(() => process.kill(worker, 0)).not.toThrow();
    } finally {
      process.kill(worker, 'SIGKILL');
    }
  });
});

describe('missing required variables', () => {
  it('names the flags to pass, a secret as a bare --var read from the environment (exit 2, no evidence)', () => {
    const dir = scratch();
    const result = runHeadless('required-vars.yaml', dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing required variables: region, client_secret');
    expect(result.stderr).toContain('pass --var region=... --var client_secret (a bare --var reads $client_secret from the environment: set it there, out of shell history)');
    expect(evidenceFiles(dir)).toEqual([]);
    const given = runHeadless('required-vars.yaml', dir, ['--var', 'region=eu-1', '--var', 'client_secret'], { client_secret: 'sekrit-value-1' });
    expect(given.code).toBe(0);
  });
});

describe('a checklist validate warns about', () => {
  it.each([
    ['warned.yaml', '2 checklist warnings'],
    ['warned.json', '1 checklist warning'],
  ])('%s: one line on stderr names how many and how to see them; the run goes on', (name, count) => {
    const dir = scratch();
    const { code, json, stderr } = runJson(name, dir);
    expect(code).toBe(0);
    expect(json?.passed).toBe(1);
    expect(stderr).toBe(`cutover: warning: ${count} in ${fixture(name).replace(`${process.cwd()}/`, '')}: \`cutover validate ${fixture(name).replace(`${process.cwd()}/`, '')}\` lists ${count.startsWith('1 ') ? 'it' : 'them'}\n`);
  });
});

describe('paths in the commands it suggests', () => {
  it('are quoted for the shell when they hold a space, so the line pastes as it is', () => {
    const dir = join(scratch(), 'night shift');
    const result = runHeadless('pass.yaml', dir);
    expect(result.code).toBe(0);
    const [file] = evidenceFiles(dir);
    expect(result.stdout).toContain(`report:   cutover report '${file}'`);
  });
});
