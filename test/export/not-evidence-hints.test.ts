// A file that is not evidence but something cutover made (a checklist, an exported package) is
// still refused (exit 2), with where to take it: the one-line error gets a hint line.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { recordSession } from '../cli/recorded-session.js';

let dir: string;
let evidence: string;

beforeAll(() => {
  dir = tempDir();
  evidence = recordSession(dir);
}, 60_000);

describe('not evidence, but something cutover made', () => {
  it('a checklist given to report or verify points at validate and open', () => {
    const checklist = join(repoRoot, 'checklists', 'demo.yaml');
    for (const command of ['report', 'verify']) {
      const result = runCli([command, checklist]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`  a checklist? \`cutover validate ${checklist}\` checks it, \`cutover open ${checklist}\` starts a session on it\n`);
    }
    expect(runCli(['report', join(repoRoot, 'checklists', 'checklist.schema.json')]).stderr).not.toContain('a checklist?');
  });

  it('an exported package given to report or export names what is in it', () => {
    const folder = join(dir, 'pkg');
    const tarball = join(dir, 'pkg.tar.gz');
    expect(runCli(['export', evidence, '-o', folder]).code).toBe(0);
    expect(runCli(['export', evidence, '-o', tarball]).code).toBe(0);
    for (const command of ['report', 'export']) {
      const fromFolder = runCli([command, folder]);
      expect(fromFolder.code).toBe(2);
      expect(fromFolder.stderr).toContain(`  an incident package folder: its evidence is ${join(folder, 'evidence.json')}, its report ${join(folder, 'report.md')}\n`);
      const fromTarball = runCli([command, tarball]);
      expect(fromTarball.code).toBe(2);
      expect(fromTarball.stderr).toContain(`  an incident package (.tar.gz)? \`cutover verify ${tarball}\` checks it; its report.md and evidence.json are inside\n`);
    }
  });
});
