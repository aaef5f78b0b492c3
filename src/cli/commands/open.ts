// STUB: replaced by the owner of this command.
import { CutoverError } from '../../domain/errors.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function openCommand(checklist: string, opts: Record<string, unknown>): Promise<void> {
  throw new CutoverError('open: not implemented yet', 1);
}
