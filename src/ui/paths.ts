// Paths as an operator should read them: relative to the working directory when inside it.
import { isAbsolute, relative } from 'node:path';

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
