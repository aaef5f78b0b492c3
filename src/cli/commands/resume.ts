// STUB: replaced by the owner of this command.
import { CutoverError } from '../../domain/errors.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function resumeCommand(evidence: string | undefined, opts: Record<string, unknown>): Promise<void> {
  throw new CutoverError('resume: not implemented yet', 1);
}
