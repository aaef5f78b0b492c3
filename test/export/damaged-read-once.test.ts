// A damaged evidence file (cut short: no closing bytes) is read once, not once per wait for a
// writer that is not there: a 250 MB file took 25 s and 1.7 GB to verify when each wait re-read it.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readEvidence } from '../../src/services/evidence-read.js';
import { readRegularFile } from '../../src/services/regular-file.js';
import { tempDir } from '../helpers/cli.js';
import { recordSession } from '../cli/recorded-session.js';

vi.mock('../../src/services/regular-file.js', async (original) => {
  const actual = await original<typeof import('../../src/services/regular-file.js')>();
  return { ...actual, readRegularFile: vi.fn(actual.readRegularFile) };
});

describe('reading a damaged evidence file', () => {
  it('reads it once when nothing is appending, and still reports the damage', async () => {
    const path = recordSession(tempDir());
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, -3)); // the closing "]}\n" gone
    vi.mocked(readRegularFile).mockClear();
    const read = await readEvidence(path);
    expect(read.problem?.message).toMatch(/without its closing/);
    expect(read.events.length).toBeGreaterThan(0);
    expect(vi.mocked(readRegularFile)).toHaveBeenCalledTimes(1);
  }, 60_000);
});
