// `cutover report <evidence.json>`: the markdown report on stdout. Read-only and lock-free, so it
// works on a session still open elsewhere. A damaged file still gets a report of its intact
// events, with a loud warning on stderr and exit 1.
import { resolve } from 'node:path';
import { EXIT } from '../../domain/errors.js';
import { plainLines } from '../../domain/plain-text.js';
import { renderReport } from '../../domain/report.js';
import { loadReportInput } from '../../services/report-input.js';

export async function reportCommand(evidence: string): Promise<void> {
  const path = resolve(evidence);
  const { input, problem, snapshotProblem } = await loadReportInput(path, { evidenceFile: evidence });
  // Everything in it came from the evidence file: an escape sequence in a ticket or an output excerpt
  // must not reach the terminal (colours included: `report > file.md` gets the same plain text).
  process.stdout.write(plainLines(renderReport(input)));
  if (snapshotProblem) process.stderr.write(plainLines(`cutover: warning: ${snapshotProblem}; sections and items are named from the evidence alone\n`));
  if (problem) {
    process.stderr.write(
      plainLines(
        `cutover: WARNING: evidence file ${evidence} is damaged at seq ${problem.seq}: ${problem.message}\n` +
          `  the report above covers only the ${input.events.length} intact event${input.events.length === 1 ? '' : 's'} before it\n` +
          (problem.hint ? `  ${problem.hint}\n` : ''),
      ),
    );
    process.exitCode = EXIT.failed;
  }
}
