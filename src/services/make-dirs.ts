// `mkdir -p` one level at a time. Node's own recursive mkdir spins forever on some special file
// systems (`--evidence-dir /proc/x` never returned); this walks up until a directory exists, then
// creates each missing level, and fails like mkdir would.
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

const notADirectory = (path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: 'ENOTDIR', path });

export async function makeDirs(dir: string, mode = 0o777): Promise<void> {
  const found = await stat(dir).catch((error: NodeJS.ErrnoException) => error);
  if (!(found instanceof Error)) {
    if (found.isDirectory()) return;
    throw notADirectory(dir);
  }
  const parent = dirname(dir);
  if (found.code !== 'ENOENT' || parent === dir) throw found;
  await makeDirs(parent, mode);
  await mkdir(dir, { mode }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
