// Reading a file the user named as evidence: only a regular file of plausible size. A device or a
// FIFO (`/dev/zero`, a mistyped path, a hand-made `mkfifo`) would otherwise be read forever, or
// block the open itself.
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, type FileHandle } from 'node:fs/promises';
import { CutoverError, EXIT } from '../domain/errors.js';
import { fileErrorReason } from './file-errors.js';

/** Larger than any session could write (the excerpts are bounded; the logs live beside it). */
export const MAX_EVIDENCE_BYTES = 256 * 1024 * 1024;

/** Non-blocking: opening a FIFO for reading would otherwise wait for a writer. Reads of a regular file are unaffected. */
const READ_NONBLOCK = constants.O_RDONLY | constants.O_NONBLOCK;

/** A folder given where a file belongs: an exported incident package names the file it holds. */
function packageFolderHint(path: string): string | undefined {
  if (!existsSync(join(path, 'evidence.json'))) return undefined;
  return `an incident package folder: its evidence is ${join(path, 'evidence.json')}, its report ${join(path, 'report.md')}`;
}

/** The bytes of `path`; `failure` starts every error message, e.g. "cannot export x.json". */
export function readRegularFile(path: string, failure: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, READ_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CutoverError(`${failure}: it is a directory`, EXIT.usage, packageFolderHint(path));
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

/**
 * Opens `path` for reading if it is a regular file: the descriptor and its size, or undefined when
 * there is none (missing, a folder, a FIFO, a device). Other errors (permission denied) are thrown.
 */
export function openRegularSync(path: string): { fd: number; size: number } | undefined {
  let fd: number;
  try {
    fd = openSync(path, READ_NONBLOCK);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
  const info = fstatSync(fd);
  if (info.isFile()) return { fd, size: info.size };
  closeSync(fd);
  return undefined;
}

/** openRegularSync, async: a handle and its size, or undefined when there is no regular file at `path`. */
export async function openRegular(path: string): Promise<{ handle: FileHandle; size: number } | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, READ_NONBLOCK);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
  const info = await handle.stat();
  if (info.isFile()) return { handle, size: info.size };
  await handle.close();
  return undefined;
}

/**
 * The text of a small regular file, or undefined when there is none at `path` or it is larger than
 * `maxBytes` (a lock, a snapshot: never worth reading a device or a FIFO for).
 */
export function readSmallRegularFile(path: string, maxBytes: number): string | undefined {
  const opened = openRegularSync(path);
  if (!opened) return undefined;
  try {
    return opened.size > maxBytes ? undefined : readFileSync(opened.fd, 'utf8');
  } finally {
    closeSync(opened.fd);
  }
}

/** Nothing usable there: missing, or a part of the path is not a folder (`runs` replaced by a file). */
function isAbsent(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ELOOP';
}
