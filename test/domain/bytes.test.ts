import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/domain/report-markdown.js';
import { formatBytes as onScreen } from '../../src/ui/format.js';

describe('byte counts', () => {
  it.each([
    [512, '512 B'],
    [4096, '4.0 KB'],
    [200 * 1024 * 1024, '200.0 MB'],
    [1.5 * 1024 * 1024 * 1024, '1.50 GB'],
  ])('%i bytes read %s, in the report as on screen', (bytes, words) => {
    expect(formatBytes(bytes)).toBe(words);
    expect(onScreen(bytes)).toBe(words);
  });
});
