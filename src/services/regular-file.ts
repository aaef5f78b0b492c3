// Reading a file the user named as evidence: only a regular file of plausible size. A device or a
// FIFO (`/dev/zero`, a mistyped path) would otherwise be read forever.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { CutoverError, EXIT } from '../domain/errors.js';
import { fileErrorReason } from './file-errors.js';

/** Larger than any session could write (the excerpts are bounded; the logs live beside it). */
const MAX_EVIDENCE_BYTES = 256 * 1024 * 1024;

/** The bytes of `path`; `failure` starts every error message, e.g. "cannot export x.json". */
export function readRegularFile(path: string, failure: string): Buffer {
  let fd: number | undefined;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CutoverError(`${failure}: it is a directory`, EXIT.usage);
    if (!stat.isFile()) throw new CutoverError(`${failure}: not a regular file`, EXIT.usage);
    if (stat.size > MAX_EVIDENCE_BYTES) {
      throw new CutoverError(`${failure}: ${Math.round(stat.size / 1048576)} MB is too large to be a session's evidence`, EXIT.usage);
    }
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof CutoverError) throw error;
    throw new CutoverError(`${failure}: ${fileErrorReason(error)}`, EXIT.usage);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
