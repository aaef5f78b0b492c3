// STUB: replaced by the owner of this command.
import { CutoverError } from '../../domain/errors.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function reportCommand(evidence: string): Promise<void> {
  throw new CutoverError('report: not implemented yet', 1);
}
