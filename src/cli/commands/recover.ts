// `cutover resume --recover <file>`: a damaged evidence file is never rewritten; its intact events
// are copied beside it and the session continues from the copy. So does a file that is intact but
// was saved by another tool (CRLF line ends, a byte order mark), which cutover cannot append to.
import { CutoverError, EXIT } from '../../domain/errors.js';
import { readEvidence, writeRecoveredCopy } from '../../services/evidence-store.js';

export async function recoverCommand(evidence: string | undefined): Promise<string> {
  if (!evidence) throw new CutoverError('--recover needs the damaged evidence file', EXIT.usage, 'cutover resume --recover evidence/<session>.json');
  const { problem, events, appendable } = await readEvidence(evidence);
  if (!problem && appendable !== false) {
    process.stderr.write(`cutover: ${evidence} is intact (${events.length} events); resuming it as it is\n`);
    return evidence;
  }
  const copy = await writeRecoveredCopy(evidence);
  const why = problem ? `is damaged at seq ${problem.seq} (${problem.message})` : 'is intact but was rewritten by another tool';
  process.stderr.write(`cutover: ${evidence} ${why}; left untouched\n`);
  process.stderr.write(`cutover: wrote ${copy} with the ${events.length} intact events; resuming it\n`);
  return copy;
}
