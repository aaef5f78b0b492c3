// `cutover resume --recover <file>`: a damaged evidence file is never rewritten; its intact events
// are copied beside it and the session continues from the copy.
import { CutoverError, EXIT } from '../../domain/errors.js';
import { readEvidence, writeRecoveredCopy } from '../../services/evidence-store.js';

export async function recoverCommand(evidence: string | undefined): Promise<string> {
  if (!evidence) throw new CutoverError('--recover needs the damaged evidence file', EXIT.usage, 'cutover resume --recover evidence/<session>.json');
  const { problem, events } = await readEvidence(evidence);
  if (!problem) {
    process.stderr.write(`cutover: ${evidence} is intact (${events.length} events); resuming it as it is\n`);
    return evidence;
  }
  const copy = await writeRecoveredCopy(evidence);
  process.stderr.write(`cutover: ${evidence} is damaged at seq ${problem.seq} (${problem.message}); left untouched\n`);
  process.stderr.write(`cutover: wrote ${copy} with the ${events.length} intact events; resuming it\n`);
  return copy;
}
