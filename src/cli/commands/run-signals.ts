// Ctrl-C / SIGTERM / SIGHUP during a headless run: the first cancels the running command (the
// loop then records it and stops); a second exits without waiting for that. CI sends two close
// together (GitHub Actions: SIGINT then SIGTERM; a job timeout, then a runner's own stop), so the
// second one still waits out the runner's kill grace: exiting before its SIGKILL to the command's
// group would leave a command that ignores SIGTERM running with nobody to stop it.
import { SIGNAL_EXIT, STOP_SIGNALS, cancelledBy } from '../../domain/stop-signals.js';
import { endByHangUpAtExit } from '../../services/hang-up-exit.js';
import { KILL_GRACE_MS } from '../../services/runner.js';
import type { RunTable } from './run-table.js';

/** After the group's SIGKILL is sent: time for it to land. */
const KILL_LANDED_MS = 100;

export interface SignalTrap {
  /** The first stop signal received, if any. */
  signal: () => NodeJS.Signals | undefined;
  release: () => void;
}

/** `table` ends a half-written row first, so the notice has its own line. */
export function trapSignals(controller: AbortController, table: RunTable): SignalTrap {
  let received: NodeJS.Signals | undefined;
  let receivedAt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    const code = SIGNAL_EXIT[signal] ?? 1;
    endByHangUpAtExit(signal);
    if (received) {
      const wait = receivedAt + KILL_GRACE_MS + KILL_LANDED_MS - Date.now();
      if (wait <= 0) process.exit(code);
      // Unref'd: a run that closes cleanly meanwhile ends with the first signal's code.
      setTimeout(() => process.exit(code), wait).unref();
      return;
    }
    received = signal;
    receivedAt = Date.now();
    table.breakRow();
    process.stderr.write(`cutover: ${signal}: cancelling the running command, recording it and closing the session…\n`);
    controller.abort(cancelledBy(signal));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return {
    signal: () => received,
    release: () => {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    },
  };
}
