// A command that leaves temp files while it works (export's staging folder, verify's unpacked
// copy): Ctrl-C, SIGTERM or SIGHUP removes them, says what was cancelled, and exits with the
// signal's code.
import { SIGNAL_EXIT, STOP_SIGNALS } from '../domain/stop-signals.js';
import { endByHangUpAtExit } from '../services/hang-up-exit.js';

export async function cancellable<T>(what: string, removeLeftovers: () => void, work: () => Promise<T>): Promise<T> {
  const onStop = (signal: NodeJS.Signals): void => {
    endByHangUpAtExit(signal);
    removeLeftovers();
    process.stderr.write(`cutover: ${what} cancelled (${signal})\n`);
    process.exit(SIGNAL_EXIT[signal] ?? 1);
  };
  for (const signal of STOP_SIGNALS) process.once(signal, onStop);
  try {
    return await work();
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onStop);
  }
}
