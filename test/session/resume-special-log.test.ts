// Resuming a session whose unfinished run's log was replaced by a FIFO or a device: the log is
// read whole to record what reached it, so it is refused in words (and the lock let go), not
// read forever.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/services/evidence-store.js';
import { CutoverSession } from '../../src/services/session.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

const fixture = join(repoRoot, 'test/fixtures/session/basic.yaml');

async function crashedMidRun(): Promise<{ path: string; log: string }> {
  const session = await CutoverSession.start({ checklistPath: fixture, evidenceDir: tempDir(), ticket: 'CHG-43', environment: 'staging', operator: 'ada', mode: 'live', variables: {} });
  const log = session.store.runLogRelative('r0099');
  await session.append({ type: 'command.started', runId: 'r0099', section: 'smoke', item: 'broken', pass: 1, command: 'sleep 100', cwd: '/', log, purpose: 'check', edited: false });
  await session.close();
  return { path: session.evidencePath, log: session.store.runLogPath('r0099') };
}

describe('resume with an unfinished run whose log is not a file', () => {
  const cases: Array<[string, (log: string) => void]> = [
    ['a FIFO', (log) => execFileSync('mkfifo', [log])],
    ['a link to /dev/zero', (log) => symlinkSync('/dev/zero', log)],
  ];
  it.each(cases)('%s: refused, nothing recorded, the lock let go', async (_name, make) => {
    const { path, log } = await crashedMidRun();
    rmSync(log, { force: true });
    make(log);
    const before = (await readEvidence(path)).events.length;
    await expect(CutoverSession.resume(path)).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/cannot resume: the log of unfinished run r0099 .* is not a regular file/) });
    expect((await readEvidence(path)).events.length).toBe(before);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});
