// A key written twice in an evidence file's top level or header parses fine (JSON.parse keeps the
// last one) while hiding the first: a second, rewritten "events" list reads as the record. verify
// reports it as tampering, naming the key.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDuplicateKey } from '../../src/services/verify-duplicate-keys.js';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, runHeadless, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

describe('findDuplicateKey', () => {
  it('finds a key twice at the top level or in the header, however it is spelled', () => {
    expect(findDuplicateKey('{"header":{"a":1},"events":[],"events":[{"seq":1}]}')).toEqual({ where: 'top level', key: 'events' });
    expect(findDuplicateKey('{"header":{"ticket":"A", "ticket" : "B"},"events":[]}')).toEqual({ where: 'header', key: 'ticket' });
    expect(findDuplicateKey('{"events":[],"header":{},\n"\\u0065vents":[]}')).toEqual({ where: 'top level', key: 'events' });
    expect(findDuplicateKey('\uFEFF{"header":{"checklist":{"id":"x"},"check\\u006cist":{}},"events":[]}')).toEqual({ where: 'header', key: 'checklist' });
  });

  it('is not fooled by keys deeper down, by strings that look like keys, or by brackets and quotes inside strings', () => {
    expect(findDuplicateKey('{"header":{"variables":{"a":1,"b":2},"checklist":{"a":1}},"events":[{"a":1,"a":2},{"seq":1}]}')).toBeUndefined();
    expect(findDuplicateKey('{"header":{"note":"\\"header\\": {\\"events\\": [}"},"events":[{"text":"],\\"events\\":[ } {"}]}')).toBeUndefined();
    expect(findDuplicateKey('{"header":{"a":"\\\\"},"events":["events", "header"]}')).toBeUndefined();
    // after the top-level object closes, nothing is one of its keys (another check reports garbage there)
    expect(findDuplicateKey('{"header":{},"events":[]}\n{"events":[]}')).toBeUndefined();
    // not JSON: no finding (the evidence reader says what is wrong)
    expect(findDuplicateKey('{"header":{"a":1},"events":[{"a":"unterminated')).toBeUndefined();
  });
});

describe('verify on an evidence file with a key written twice', () => {
  let dir: string;
  let original: string;

  beforeAll(() => {
    dir = scratch('cutover-dupkeys-');
    expect(runHeadless('fail.yaml', dir, ['--ticket', 'CHG-9']).code).toBe(1);
    original = readFileSync(evidenceFiles(dir)[0] as string, 'utf8');
  });

  /** The session's file with different text, beside its run logs and snapshot. */
  function edited(name: string, text: string): string {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  }

  it('a second "events" list after the first (a rewritten one, which JSON.parse alone would take for the record): exit 1 naming the key', () => {
    const lines = original.trimEnd().split('\n');
    const events = lines.slice(1, -1);
    const rewritten = `${lines.slice(0, -1).join('\n')}\n],"events":[\n${events.slice(0, -1).join('\n').replace(/,$/, '')}\n]}\n`;
    expect(() => JSON.parse(rewritten)).not.toThrow();
    const file = edited('two-lists.json', rewritten);
    const result = runCli(['verify', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^TAMPERED: /);
    expect(result.stdout).toContain('  top level: the file holds the key "events" twice: a JSON reader sees only the last one (file edited)');
    const json = JSON.parse(runCli(['verify', file, '--json']).stdout) as { status: string; problems: unknown[] };
    expect(json).toMatchObject({ status: 'tampered', problems: [{ where: 'top level', message: expect.stringContaining('"events" twice') }] });
  });

  it('a key twice in the header: exit 1 naming it', () => {
    const file = edited('two-tickets.json', original.replace('"ticket":"CHG-9"', '"ticket":"CHG-1","ticket":"CHG-9"'));
    const result = runCli(['verify', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  header: the header holds the key "ticket" twice: a JSON reader sees only the last one (header edited)');
  });

  it('the untouched file still verifies intact', () => {
    const result = runCli(['verify', edited('untouched.json', original)]);
    expect(result.stdout).toMatch(/^intact: /);
    expect(result.code).toBe(0);
  });
});
