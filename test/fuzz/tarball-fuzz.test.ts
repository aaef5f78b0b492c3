// A .tar.gz found by fuzzing `cutover verify`: 200,000 empty entries, a 1.4 MB file far under the
// unpacked-bytes bound, took 23 s and 500 MB, creating a file on disk per entry.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { extractTarball, UnreadableTar } from '../../src/services/tar-extract.js';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

function emptyEntries(count: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const header = new Header({ path: `runs/r${i}.log`, mode: 0o600, size: 0, mtime: new Date(0), type: 'File' });
    header.encode();
    blocks.push(header.block as Buffer);
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

describe('a tarball of very many entries', () => {
  it('is refused after 10,000 entries, before it has written them all', async () => {
    const file = join(scratch(), 'many.tar.gz');
    writeFileSync(file, emptyEntries(30_000));
    const dir = scratch();
    const error = await extractTarball(file, dir, true, { maxBytes: 1024 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableTar);
    expect((error as UnreadableTar).message).toBe('it has more than 10,000 entries (not a package cutover writes)');
    expect(readdirSync(join(dir, 'runs')).length).toBe(10_000);
  });

  it('gets one clear line and exit 2 from verify', () => {
    const file = join(scratch(), 'many.tar.gz');
    writeFileSync(file, emptyEntries(10_001));
    const result = runCli(['verify', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has more than 10,000 entries (not a package cutover writes)');
    expect(result.stderr).toContain('unpack it (tar xzf) and verify the folder');
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
