// `list` and `drills` never show an empty list as if there were nothing: an evidence directory that
// is missing (when named), unreadable, or holds files this user may not read is said on stderr.
import { chmodSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { recordSession } from './recorded-session.js';

const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('list and drills say why sessions are missing', () => {
  it('a named evidence directory that does not exist is said; the default ./evidence before any session is not', () => {
    const cwd = tempDir();
    const missing = join(cwd, 'nothere');
    expect(runCli(['list', '--evidence-dir', missing], { cwd }).stderr).toContain(`cutover: evidence directory ${missing} does not exist: no sessions listed\n`);
    expect(runCli(['drills', 'demo'], { cwd, env: { CUTOVER_EVIDENCE_DIR: missing } }).stderr).toContain(`evidence directory ${missing} does not exist: no drills listed`);
    const quiet = runCli(['list'], { cwd, env: { CUTOVER_EVIDENCE_DIR: '' } });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('an unreadable directory and an unreadable session file are named', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const evidence = join(dir, 'ev');
    const session = recordSession(evidence);
    const files = readdirSync(evidence).sort();
    chmodSync(session, 0o000);
    chmodSync(evidence, 0o755);
    const file = runCli(['list', '--evidence-dir', evidence], { ...unprivileged, cwd: dir });
    expect(file.stderr).toContain(`cutover: cannot read ${relative(dir, session)}: permission denied: not listed\n`);
    chmodSync(evidence, 0o000);
    try {
      const list = runCli(['list', '--evidence-dir', evidence], { ...unprivileged, cwd: dir });
      expect(list.code).toBe(0);
      expect(list.stderr).toContain(`cutover: cannot read evidence directory ${evidence}: permission denied: no sessions listed\n`);
      const drills = runCli(['drills', 'demo', '--evidence-dir', evidence], { ...unprivileged, cwd: dir });
      expect(drills.stderr).toContain(`cannot read evidence directory ${evidence}: permission denied: no drills listed`);
    } finally {
      chmodSync(evidence, 0o755);
    }
    expect(readdirSync(evidence).sort()).toEqual(files);
  });
});
