// The gzip header before the first member's deflate data, read by hand to unpack a .tar.gz that
// has bytes appended after it (zlib's gunzip refuses the whole file).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipHeaderLength } from '../../src/services/gzip-member.js';

const withFlags = (flags: number, ...fields: Buffer[]): Buffer => Buffer.concat([Buffer.from([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3]), ...fields]);

describe('gzipHeaderLength', () => {
  it('reads the plain header zlib writes, and the optional fields gzip(1) and others add', () => {
    expect(gzipHeaderLength(gzipSync('x'))).toBe(10);
    expect(gzipHeaderLength(withFlags(8, Buffer.from('package.tar\0')))).toBe(22); // FNAME
    expect(gzipHeaderLength(withFlags(4 | 16, Buffer.from([3, 0, 1, 2, 3]), Buffer.from('note\0')))).toBe(20); // FEXTRA, FCOMMENT
    expect(gzipHeaderLength(withFlags(2 | 8, Buffer.from('a\0'), Buffer.from([0, 0])))).toBe(14); // FNAME, FHCRC
  });

  it('is undefined for what is not a gzip header, or one cut off', () => {
    expect(gzipHeaderLength(Buffer.from('ustar and more text'))).toBeUndefined();
    expect(gzipHeaderLength(withFlags(8, Buffer.from('no terminator')))).toBeUndefined();
    expect(gzipHeaderLength(Buffer.from([0x1f, 0x8b, 8]))).toBeUndefined();
  });
});
