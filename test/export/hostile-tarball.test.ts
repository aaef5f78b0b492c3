// `cutover verify` on .tar.gz packages built to attack the verifier: a gzip bomb, entries that
// escape the folder, links, duplicates, data hidden after the end of the archive. Each is a
// clear result in bounded time and memory; nothing lands outside the temporary folder.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTarball } from '../../src/services/tar-extract.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, runHeadless, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

interface Entry {
  path: string;
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link';
  body?: Buffer;
  linkpath?: string;
}

/** The files of an exported package folder, as tar entries under `top/`. */
function packageEntries(dir: string, top = 'pkg'): Entry[] {
  const walk = (at: string): Entry[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((d) => {
      const full = join(at, d.name);
      return d.isDirectory() ? walk(full) : [{ path: `${top}/${relative(dir, full)}`, body: readFileSync(full) }];
    });
  return walk(dir);
}

/** A tar stream written block by block, so that it can hold what tools refuse to write. */
function tarOf(entries: Entry[], trailer = Buffer.alloc(1024)): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = entry.body ?? Buffer.alloc(0);
    const header = new Header({ path: entry.path, mode: 0o600, size: body.length, mtime: new Date(0), type: entry.type ?? 'File', linkpath: entry.linkpath });
    header.encode();
    blocks.push(header.block as Buffer, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, trailer]);
}

let bundleDir: string;

beforeAll(() => {
  const dir = scratch('cutover-tarball-');
  runHeadless('fail.yaml', dir, ['--ticket', 'CHG-11']);
  bundleDir = join(dir, 'bundle');
  expect(runCli(['export', evidenceFiles(dir)[0] as string, '-o', bundleDir]).code).toBe(0);
});

function verifyTarball(bytes: Buffer): CliResult {
  const file = join(scratch(), 'package.tar.gz');
  writeFileSync(file, gzipSync(bytes));
  const result = runCli(['verify', file], { timeout: 20_000 });
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  return result;
}

describe('verify on hostile tarballs', () => {
  it('a package rebuilt entry by entry verifies (the reader is not stricter than tar)', () => {
    const result = verifyTarball(tarOf(packageEntries(bundleDir)));
    expect(result.stdout).toMatch(/^intact: /);
    expect(result.code).toBe(0);
  });

  it('64 MB of zeros after the end blocks: not decompressed, verified at once', () => {
    const started = Date.now();
    const result = verifyTarball(tarOf(packageEntries(bundleDir), Buffer.alloc(64 * 1024 * 1024)));
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('data hidden after the end of the archive is reported', () => {
    const hidden = Buffer.concat([Buffer.alloc(1024), Buffer.from('not covered by SHA256SUMS')]);
    const result = verifyTarball(tarOf(packageEntries(bundleDir), hidden));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('data after the end of the archive');
  });

  it('a second entry for a file already extracted is tampering, and the first copy is the one verified', () => {
    const entries = packageEntries(bundleDir);
    const forged = { path: 'pkg/runs/r0001.log', body: Buffer.from('forged output\n') };
    const result = verifyTarball(tarOf([...entries, forged]));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('pkg/runs/r0001.log: a second entry with the same path in the tarball (not extracted)');
    expect(result.stdout).not.toContain('r0001.log: sha256 mismatch');
  });

  it('entries outside the folder, and links, are reported and never written', () => {
    const marker = join(scratch(), 'escaped.txt');
    const entries: Entry[] = [
      ...packageEntries(bundleDir),
      { path: `../../../../../../../..${marker}`, body: Buffer.from('x') },
      { path: 'pkg/runs/evil.log', type: 'SymbolicLink', linkpath: '/etc/passwd' },
      { path: 'pkg/hard', type: 'Link', linkpath: '/etc/passwd' },
    ];
    const result = verifyTarball(tarOf(entries));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/escaped\.txt: unsafe entry in the tarball: its path leaves the package/);
    expect(result.stdout).toContain('pkg/runs/evil.log: SymbolicLink entry: not allowed in a bundle');
    expect(result.stdout).toContain('pkg/hard: Link entry: not allowed in a bundle');
    expect(existsSync(marker)).toBe(false);
  });

  it('an archive that ends inside an entry, or without its end blocks, is truncated: damaged evidence (exit 1) saying where', () => {
    const entries = packageEntries(bundleDir);
    const whole = tarOf(entries, Buffer.alloc(0));
    const inside = verifyTarball(whole.subarray(0, 1536));
    expect(inside.code).toBe(1);
    expect(inside.stdout).toMatch(/: truncated \(cut short\): the archive stops in the middle of pkg\/\S+ \(1 entry complete\)\n/);
    const noEnd = verifyTarball(whole);
    expect(noEnd.code).toBe(1);
    expect(noEnd.stdout).toContain(`: truncated (cut short): the archive stops after ${entries.at(-1)?.path}, without its end-of-archive blocks (${entries.length} entries complete)`);
    // every entry is there: nothing else is wrong
    expect(noEnd.stdout).toMatch(/: 1 problem\n/);
  });

  it('a .tar.gz whose content is not a tar at all stays unreadable input (exit 2)', () => {
    const text = verifyTarball(Buffer.from('just some text that was gzipped\n'.repeat(40)));
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/cannot read .*not a tarball/);
    const empty = verifyTarball(Buffer.alloc(0));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/it holds no entries/);
  });
});

describe('extractTarball bounds', () => {
  it('stops once the bytes unpacked pass the limit (a gzip bomb), with a hint', async () => {
    const file = join(scratch(), 'bomb.tar.gz');
    writeFileSync(file, gzipSync(tarOf([{ path: 'pkg/evidence.json', body: Buffer.alloc(8 * 1024 * 1024) }])));
    const error = await extractTarball(file, scratch(), true, { maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/unpacks to more than 1 MB \(a compression bomb\?\)/);
    expect((error as { hint?: string }).hint).toMatch(/unpack it .* and verify the folder/);
  });
});
