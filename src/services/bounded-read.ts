// Reading a file the user named as input (a checklist, a runbook): bounded in size, and never
// blocked by what is not a regular file. Named pipes and devices are read as a stream, so that
// process substitution (`<(…)`) works, while a FIFO nobody writes to ends at once.
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { CutoverError, EXIT } from '../domain/errors.js';
import { fileErrorReason } from './file-errors.js';

/**
 * The whole file, or undefined when it holds more than `max` bytes. Reads in chunks rather than
 * trusting the size from stat, so that /dev/zero or a pipe cannot grow without bound. Opened
 * non-blocking: a pipe whose writer has not written yet is polled until the writer closes it.
 */
export async function readAtMost(path: string, max: number): Promise<Buffer | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const bytesRead = await readSome(handle, chunk);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > max) return undefined;
      chunks.push(chunk.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

async function readSome(handle: FileHandle, chunk: Buffer): Promise<number> {
  for (;;) {
    try {
      return (await handle.read(chunk, 0, chunk.length, null)).bytesRead;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await new Promise((done) => setTimeout(done, 20));
    }
  }
}

export interface InputFile {
  /** What the file is meant to be, for messages: "checklist", "runbook". */
  noun: string;
  max: number;
  tooLargeHint?: string;
}

/** The bytes of a user's input file, or a one-line usage error (exit 2) saying why not. */
export async function readInputFile(absolute: string, display: string, input: InputFile): Promise<Buffer> {
  const failure = (reason: string, hint?: string): CutoverError => new CutoverError(`cannot read ${input.noun} ${display}: ${reason}`, EXIT.usage, hint);
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) throw failure('is a directory');
    const read = info.size > input.max ? undefined : await readAtMost(absolute, input.max);
    const size = info.isFile() ? `${(info.size / 1024 / 1024).toFixed(1)} MB; ` : '';
    const limit = input.max >= 1024 * 1024 ? `${input.max / 1024 / 1024} MB` : `${input.max} bytes`;
    if (!read) throw failure(`too large for a ${input.noun} (${size}the limit is ${limit})`, input.tooLargeHint);
    if (!info.isFile() && read.length === 0) throw failure('nothing was written to it (it is a pipe or a device, not a file)');
    return read;
  } catch (error) {
    if (error instanceof CutoverError) throw error;
    throw failure(fileErrorReason(error));
  }
}
