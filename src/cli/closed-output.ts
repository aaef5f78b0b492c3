// A reader that goes away (`cutover run … | head`, a dropped SSH session) makes writes to stdout
// or stderr fail with EPIPE or EIO. Node would throw that from an 'error' event and stop the
// process mid-run: a command orphaned, the session never closed. The evidence file is the record,
// not the terminal, so once an output stream is gone its writes are dropped and the work goes on.
export function tolerateClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => undefined);
  }
}
