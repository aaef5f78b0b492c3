// A secret written as a plain YAML value (a variable's default) turns into "[REDACTED:…]", which
// YAML reads as a list, so the snapshot is stored as JSON. That path must work in the built binary,
// not only from source: the bundle once lost `parse` from the lazily imported yaml module and every
// `run` or `open` of such a checklist died with "internal error: parse is not a function".
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

describe('a checklist with a secret default, run by the built CLI', () => {
  it('runs, stores a redacted JSON snapshot, and verifies', () => {
    const dir = tempDir();
    const checklist = join(dir, 'secret-default.yaml');
    writeFileSync(checklist, [
      'id: secret-default',
      'title: A token pasted as a default',
      'version: 1',
      'variables:',
      '  - name: api_token',
      '    secret: true',
      `    default: ${TOKEN}`,
      'sections:',
      '  - id: steps',
      '    title: Steps',
      '    kind: steps',
      '    items:',
      '      - { id: ok, title: ok, run: "true" }',
      '',
    ].join('\n'));
    const evidence = join(dir, 'ev');
    const result = runCli(['run', checklist, '--headless', '--json', '--evidence-dir', evidence]);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    const names = readdirSync(evidence);
    expect(names.some((n) => n.endsWith('.checklist.json'))).toBe(true);
    for (const name of names) if (!name.endsWith('.runs')) expect(readFileSync(join(evidence, name), 'utf8')).not.toContain(TOKEN);
    const { evidence: evidencePath } = JSON.parse(result.stdout) as { evidence: string };
    expect(runCli(['verify', evidencePath]).code).toBe(0);
  });
});
