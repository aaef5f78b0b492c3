// A reader that goes away (`cutover run … | head`, a dropped SSH session) makes writes to stdout
// or stderr fail with EPIPE or EIO. Node would throw that from an 'error' event and stop the
// process mid-run: a command orphaned, the session never closed. The evidence file is the record,
// not the terminal, so once an output stream is gone its writes are dropped and the work goes on.
//
// Any other write error (`cutover report x > report.md` on a full disk: ENOSPC, EDQUOT, EFBIG) means
// the output is cut short where someone will read it as complete: the work still goes on, but it is
// said once on stderr and the exit code is not 0.
import { EXIT } from '../domain/errors.js';
import { fileErrorReason } from '../services/file-errors.js';

const READER_GONE = new Set(['EPIPE', 'EIO', 'ECONNRESET']);

export function tolerateClosedOutput(): void {
  let failed = false;
  for (const [name, stream] of [['standard output', process.stdout], ['standard error', process.stderr]] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (READER_GONE.has(error.code ?? '') || failed) return;
      failed = true;
      if (stream !== process.stderr) process.stderr.write(`cutover: cannot write to ${name}: ${fileErrorReason(error)} (the output is incomplete)\n`);
      process.exitCode = EXIT.usage;
    });
  }
  // A command that sets its own exit code after the failed write (0 when its work went well) must not hide it.
  process.on('exit', () => {
    if (failed && !process.exitCode) process.exitCode = EXIT.usage;
  });
}
