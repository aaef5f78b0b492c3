// STUB: replaced by the owner of this command.
import { CutoverError } from '../../domain/errors.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function schemaCommand(): Promise<void> {
  throw new CutoverError('schema: not implemented yet', 1);
}
