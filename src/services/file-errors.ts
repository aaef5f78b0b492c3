// File system errors as a few plain words for one-line messages, without errno codes or paths.

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is not a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'a symbolic link loop',
  ENAMETOOLONG: 'the file name is too long',
  EEXIST: 'a file is in the way',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/** The plain words for a file system error an operator can do something about; undefined for any other error. */
export function knownFileError(error: unknown): string | undefined {
  return FILE_ERRORS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
}

/** "no such file", "permission denied"…; an unknown error keeps its message without the code. */
export function fileErrorReason(error: unknown): string {
  const known = knownFileError(error);
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '[^']*'$/, '');
}
