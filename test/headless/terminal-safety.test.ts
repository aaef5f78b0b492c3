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

function checklistWithEscapes(dir: string): string {
  const path = join(dir, 'escapes.json');
  const title = (text: string) => `${text} ${ESC}]0;PWNED${BEL}${ESC}[2J${ESC}[31m`;
  writeFileSync(path, JSON.stringify({
    id: 'escapes', title: title('Escapes'), version: '1',
    sections: [{ id: 'smoke', title: 'Smoke', kind: 'smoke', items: [{ id: 'a', title: title('Item'), run: 'true' }] }],
  }));
  return path;
}

describe('terminal safety of what cutover prints', () => {
  it('the headless table and its header carry no control characters from the checklist', () => {
    const dir = scratch();
    const result = runCli(['run', checklistWithEscapes(dir), '--headless', '--evidence-dir', join(dir, 'ev'), '--ticket', 'CHG-1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cutover run: Escapes');
    expect(result.stdout).toMatch(/smoke\/a\s+Item\s+pass/);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('a ticket, environment or operator with a control character is refused before anything is recorded', () => {
    const dir = scratch();
    const result = runCli(['run', checklistWithEscapes(dir), '--headless', '--evidence-dir', join(dir, 'ev'), '--ticket', `CHG-1${ESC}[2J`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the ticket contains a control character');
    expect(existsSync(join(dir, 'ev'))).toBe(false);
  });

  it('an error quoting a value the user gave prints it as plain text', () => {
    const dir = scratch();
    const result = runCli(['run', checklistWithEscapes(dir), '--headless', '--evidence-dir', join(dir, 'ev'), '--var', `x${ESC}]0;PWNED${BEL}=1`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown variable x');
    // eslint-disable-next-line no-control-regex
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
