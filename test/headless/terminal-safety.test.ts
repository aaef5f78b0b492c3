// Titles, ticket ids and values reach the terminal as plain text: an escape sequence in a
// checklist or a flag cannot clear the screen, retitle the window or colour what follows.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch } from './helpers.js';

afterAll(cleanScratch);

const ESC = '\u001b';
const BEL = '\u0007';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

function checklist(dir: string, title: string): string {
  const path = join(dir, 'checklist.json');
  writeFileSync(path, JSON.stringify({
    id: 'escapes', title, version: '1',
    sections: [{ id: 'smoke', title: 'Smoke', kind: 'smoke', items: [{ id: 'a', title: 'Item', run: 'true' }] }],
  }));
  return path;
}

describe('terminal safety of what cutover prints', () => {
  it('a checklist whose title holds an escape sequence is refused at its line, and the refusal is plain text', () => {
    const dir = scratch();
    const path = checklist(dir, `Escapes ${ESC}]0;PWNED${BEL}${ESC}[2J`);
    const validate = runCli(['validate', path]);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toMatch(/checklist\.json:1:\d+ title: contains a control character \(U\+001B, an escape sequence\)/);
    const run = runCli(['run', path, '--headless', '--evidence-dir', join(dir, 'ev')]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(existsSync(join(dir, 'ev'))).toBe(false);
  });

  it('a ticket, environment or operator with a control character is refused before anything is recorded', () => {
    const dir = scratch();
    const result = runCli(['run', checklist(dir, 'Plain'), '--headless', '--evidence-dir', join(dir, 'ev'), '--ticket', `CHG-1${ESC}[2J`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the ticket contains a control character');
    expect(result.stderr).not.toMatch(CONTROL);
    expect(existsSync(join(dir, 'ev'))).toBe(false);
  });

  it('an error quoting a value the user gave prints it as plain text', () => {
    const dir = scratch();
    const result = runCli(['run', checklist(dir, 'Plain'), '--headless', '--evidence-dir', join(dir, 'ev'), '--var', `x${ESC}]0;PWNED${BEL}=1`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown variable x');
    expect(result.stderr).not.toMatch(CONTROL);
  });
});
