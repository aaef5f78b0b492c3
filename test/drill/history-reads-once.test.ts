// The drill summary (D) reads the drill history while the operator waits: each earlier file once,
// and the session being walked (thousands of events, excluded anyway) not at all. It read every
// file twice, the current one included: 100–150 ms on the main thread with a 10,000-event session.
import { basename } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readDrillHistory } from '../../src/services/drill-history.js';
import { readRegularFile } from '../../src/services/regular-file.js';
import { cleanScratch, evidenceFiles, runJson, scratch } from '../headless/helpers.js';

vi.mock('../../src/services/regular-file.js', async (original) => {
  const actual = await original<typeof import('../../src/services/regular-file.js')>();
  return { ...actual, readRegularFile: vi.fn(actual.readRegularFile) };
});

afterAll(cleanScratch);

describe('reading the drill history', () => {
  it('reads each earlier drill once and the current session not at all', async () => {
    const dir = scratch();
    runJson('confirm.yaml', dir); // a live session of the same checklist: counted, not a drill
    const drills = [0, 1, 2].map(() => runJson('confirm.yaml', dir, ['--drill', '--confirm-requirements']).json?.evidence as string);
    const current = drills[2] as string;
    const rest = evidenceFiles(dir).filter((path) => path !== current);
    const read = vi.mocked(readRegularFile);
    read.mockClear();
    const history = await readDrillHistory(dir, 'headless-confirm', basename(current as string, '.json'));
    expect(history.drills).toHaveLength(2);
    expect(history.sessions).toBe(4);
    const paths = read.mock.calls.map(([path]) => String(path));
    expect(paths.filter((p) => p.endsWith('.json') && !p.endsWith('.checklist.json'))).toHaveLength(rest.length);
    expect(paths.some((p) => p.endsWith(basename(current as string)))).toBe(false);
  });
});
