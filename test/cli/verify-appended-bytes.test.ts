// Bytes appended to an exported .tar.gz change the package after export: `cutover verify` must say
// TAMPERED (exit 1), as it does for data hidden after the tar's end inside the gzip stream, not
// "cannot read" (exit 2), which CI reads as "the check could not run".
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, runHeadless, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

describe('verify of a .tar.gz with bytes appended after its gzip stream', () => {
  it('is tampering: exit 1, naming the data after the end', () => {
    const dir = scratch('cutover-appended-');
    runHeadless('pass.yaml', dir);
    const tarball = join(dir, 'package.tar.gz');
    expect(runCli(['export', evidenceFiles(dir)[0] as string, '-o', tarball]).code).toBe(0);
    expect(runCli(['verify', tarball]).code).toBe(0);

    appendFileSync(tarball, 'not covered by SHA256SUMS\n');
    const result = runCli(['verify', tarball]);
    expect(result.stderr).not.toContain('cannot read');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^TAMPERED: /);
    expect(result.stdout).toContain('after the end');
  });
});
