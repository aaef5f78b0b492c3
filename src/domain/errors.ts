// Errors a user can cause: printed as one clear message (plus an optional hint), never a stack trace.
export class CutoverError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CutoverError';
  }
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
