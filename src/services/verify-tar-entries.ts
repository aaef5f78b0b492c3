// Where the entries of a tarball being verified land in the temporary folder: folders and regular
// files only, each path once and inside the folder; anything else is reported and never written.
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { isSafeRelativePath } from '../domain/sha256sums.js';

export interface TarProblem {
  where: string;
  message: string;
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/** Writes one regular file's contents; a path seen before, or under a file, is reported, not written. */
function createFile(dir: string, path: string): number {
  const slash = path.lastIndexOf('/');
  if (slash > 0) mkdirSync(join(dir, path.slice(0, slash)), { recursive: true, mode: 0o700 });
  return openSync(join(dir, path), 'wx', 0o600);
}

function makeFolder(dir: string, path: string, problems: TarProblem[]): void {
  try {
    mkdirSync(join(dir, path), { recursive: true, mode: 0o700 });
  } catch {
    problems.push({ where: path, message: 'cannot be extracted where the tarball puts it (a file is in the way)' });
  }
}

/** Creates the folder, or the file an entry's contents go to (its descriptor); anything else is a problem. */
export function placeEntry(dir: string, path: string, type: string, seen: Set<string>, problems: TarProblem[]): number | undefined {
  const where = path || '(an entry without a path)';
  if (!isSafeRelativePath(path)) problems.push({ where, message: 'unsafe entry in the tarball: its path leaves the package (not extracted)' });
  else if (type === 'Directory') makeFolder(dir, path, problems);
  else if (!FILE_TYPES.has(type)) problems.push({ where, message: `${type} entry: not allowed in a bundle (not extracted)` });
  else if (seen.has(path)) problems.push({ where, message: 'a second entry with the same path in the tarball (not extracted)' });
  else {
    seen.add(path);
    try {
      return createFile(dir, path);
    } catch {
      problems.push({ where, message: 'cannot be extracted where the tarball puts it (a file is in the way)' });
    }
  }
  return undefined;
}
