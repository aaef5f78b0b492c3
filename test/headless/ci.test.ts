// What a CI job parsing `run --headless` needs: why an item failed in --json, a warning on stderr
// (never stdout) when the selected sections hold nothing to check, and secrets from the CI secret
// store passed without putting them on the command line.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, readEvents, runJson, scratch } from './helpers.js';

const MANUAL_ONLY = `id: headless-manual
title: Headless, manual items only
version: 1
sections:
  - { id: look, title: Look, kind: steps, items: [{ id: dashboards, title: Dashboards look normal }, { id: confirm, title: Confirm with the owner }] }
`;

afterAll(cleanScratch);

const SECRET_VAR = `id: headless-secret-var
title: Headless secret variable
version: 1
variables:
  - { name: db_password, secret: true }
sections:
  - { id: s, title: S, kind: steps, items: [{ id: use, title: Uses the secret, run: "echo pw={{db_password}}; echo pw={{db_password}} >&2", expect: { contains: "pw=" } }] }
`;

/** Every file under `dir`, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
}

describe('run --headless in CI', () => {
  it('--json says why an item failed or was refused, as the table does', () => {
    const dir = scratch();
    const { code, json } = runJson('fail.yaml', dir);
    expect(code).toBe(1);
    expect(json?.items.find((i) => i.item === 'broken')).toMatchObject({ result: 'fail', exitCode: 3, note: 'exit code 3, expected 0' });
    expect(json?.items.find((i) => i.item === 'ok')).not.toHaveProperty('note');
    const checklist = join(scratch(), 'two-reasons.yaml');
    writeFileSync(checklist, 'id: two\ntitle: Two\nversion: 1\nsections:\n  - { id: s, title: S, kind: smoke, items: [{ id: c, title: C, run: "echo nope; exit 1", expect: { contains: ready } }] }\n');
    const both = runCli(['run', checklist, '--headless', '--json', '--evidence-dir', dir]);
    expect((JSON.parse(both.stdout) as { items: Array<{ note?: string }> }).items[0]?.note).toBe('exit code 1, expected 0; output does not contain "ready"');
    const refused = runJson('destructive.yaml', scratch());
    expect(refused.json?.items.find((i) => i.result === 'refused')).toMatchObject({ note: 'destructive: pass --allow-destructive to run it unattended' });
  });

  it('sections with only manual items: exit 0, but stderr warns that nothing was checked; --json stdout stays one object', () => {
    const dir = scratch();
    const { code, json, stdout, stderr } = runJson('pass.yaml', dir, ['--section', 'smoke']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json?.passed).toBe(1);
    const checklist = join(scratch(), 'manual.yaml');
    writeFileSync(checklist, MANUAL_ONLY);
    const manual = runCli(['run', checklist, '--headless', '--json', '--evidence-dir', dir]);
    expect(manual.code).toBe(0);
    expect(JSON.parse(manual.stdout)).toMatchObject({ ok: true, passed: 0, failed: 0, skipped: 2 });
    expect(manual.stderr).toBe('cutover: warning: this checklist holds no automated item: nothing was checked\n');
    const table = runCli(['run', checklist, '--headless', '--section', 'look', '--evidence-dir', dir]);
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('cutover: warning: the selected sections hold no automated item: nothing was checked\n');
    expect(stdout).not.toContain('warning');
  });

  it('a bare --var NAME reads the value from the environment: used by the command, on no command line, nowhere in the evidence, report or export', () => {
    const dir = scratch();
    const checklist = join(scratch(), 'secret.yaml');
    writeFileSync(checklist, SECRET_VAR);
    const secret = 'Sup3r-Secret-Passw0rd';
    const result = runCli(['run', checklist, '--headless', '--json', '--var', 'db_password', '--evidence-dir', dir], { env: { db_password: secret } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const evidence = (JSON.parse(result.stdout) as { evidence: string }).evidence;
    const argv = readEvents(evidence).find((e) => e.type === 'session.started')?.argv;
    expect(argv).toEqual(['run', checklist, '--headless', '--json', '--var', 'db_password', '--evidence-dir', dir]);
    expect(allText(dir)).toContain('pw=[REDACTED:db_password]');
    const report = runCli(['report', evidence]);
    expect(report.stdout).toContain('pw=[REDACTED:db_password]');
    const bundle = join(scratch(), 'bundle');
    expect(runCli(['export', evidence, '-o', bundle]).code).toBe(0);
    for (const text of [allText(dir), report.stdout, allText(bundle), result.stdout]) expect(text).not.toContain(secret);

    const unset = runCli(['run', checklist, '--headless', '--var', 'db_password', '--evidence-dir', dir]); // not in this environment
    expect(unset.code).toBe(2);
    expect(unset.stderr).toBe('cutover: --var expects name=value, got "db_password"\n  or set db_password in the environment: a bare --var db_password reads it from there\n');
  });
});
