// Checklist text that once escaped as an internal error or leaked a Node warning.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import { quickParseChecklist } from '../../src/domain/checklist-quick.js';
import { formatDiagnostic } from '../../src/domain/diagnostic.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const errors = (text: string, file: string) => parseChecklistText(text, file).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
const SECTIONS = 'sections:\n  - {id: s, title: S, kind: smoke}\n';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('deep JSON', () => {
  const deep = `{"id": "x", "title": "X", "version": 1, "a": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "sections": []}`;

  it('is left to the full parse by the quick path rather than overflowing the stack', () => {
    expect(() => quickParseChecklist(deep, 'deep.json')).not.toThrow();
    expect(quickParseChecklist(deep, 'deep.json')).toBeUndefined();
    expect(errors(deep, 'deep.json')).toEqual([expect.stringMatching(/^deep\.json:1:\d+: nested too deeply/)]);
  });

  it('gets one located line from validate and run, never "internal error"', () => {
    const file = join(tempDir(), 'deep.json');
    writeFileSync(file, deep);
    const validate = runCli(['validate', file]);
    expect(validate.code).toBe(2); // past a limit: cannot be read, like a file over 5 MB
    expect(validate.stdout).toMatch(/deep\.json:1:\d+: nested too deeply/);
    const run = runCli(['run', file, '--headless', '--evidence-dir', tempDir()]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toMatch(/deep\.json:1:\d+: nested too deeply/);
  });
});

describe('keys that cannot name a field', () => {
  it('a list or mapping as a key is an error at its line, without a Node warning on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    expect(errors(`id: x\ntitle: X\nversion: 1\n? [complex, key]\n: v\n${SECTIONS}`, 'k.yaml')).toEqual(['k.yaml:4:3: a key must be a name, not a list or mapping']);
    expect(errors(`id: x\ntitle: X\nversion: 1\n? {a: 1}\n: v\n${SECTIONS}`, 'k.yaml')).toEqual(['k.yaml:4:3: a key must be a name, not a list or mapping']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('an empty or null key is an error at its line, not at 1:1', () => {
    expect(errors(`id: x\ntitle: X\nversion: 1\n: orphan\n${SECTIONS}`, 'k.yaml')).toEqual(['k.yaml:4:1: a key must be a name (this one is empty or null)']);
    expect(errors(`id: x\ntitle: X\nversion: 1\nnull: v\n${SECTIONS}`, 'k.yaml')).toEqual(['k.yaml:4:1: a key must be a name (this one is empty or null)']);
  });
});

describe('alias bombs', () => {
  it('say what is wrong in words, not in the YAML library\'s', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i}: &l${i} [${Array(9).fill(i ? `*l${i - 1}` : '"lol"').join(',')}]`).join('\n');
    const [line] = errors(`${levels}\nid: x\ntitle: X\nversion: 1\nsections: *l8\n`, 'bomb.yaml');
    expect(line).toBe('bomb.yaml:1:1: cannot be read as a checklist: its *aliases expand to too many values (over 1000; a YAML "billion laughs")');
  });
});
