// `import -o` into a place that cannot be written is bad input (exit 2, like export), not the
// exit 1 kept for an -o that already exists.
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe.skipIf(process.platform === 'win32')('import -o where it cannot write', () => {
  it('exits 2 with one line and a hint, and writes nothing', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const runbook = join(dir, 'runbook.md');
    writeFileSync(runbook, '# Runbook\n\n## Smoke\n\n- [ ] health: `curl -fsS http://localhost/health`\n');
    chmodSync(runbook, 0o644);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const output = join(locked, 'out.yaml');
    const result = runCli(['import', runbook, '-o', output], { ...unprivileged, timeout: 20_000 });
    expect(result.stderr).toBe(`cutover: cannot write ${output}: permission denied\n  choose another -o file\n`);
    expect(result.code).toBe(2);
    expect(readdirSync(locked)).toEqual([]);
  });
});
