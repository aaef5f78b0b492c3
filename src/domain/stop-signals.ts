// The signals that stop cutover (Ctrl-C, SIGTERM, a dropped SSH session): how each is recorded
// on the run it cancels, and the exit code it leaves.
export const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
export const STOP_SIGNALS = Object.keys(SIGNAL_EXIT) as NodeJS.Signals[];

const WHY: Readonly<Record<string, string>> = {
  SIGHUP: 'cancelled: the terminal closed (SIGHUP)',
  SIGINT: 'cancelled by operator (SIGINT)',
  SIGTERM: 'cancelled: cutover was told to stop (SIGTERM)',
};

const LEFT: Readonly<Record<string, string>> = {
  SIGHUP: 'the terminal closed (SIGHUP)',
  SIGINT: 'cutover was interrupted (SIGINT)',
  SIGTERM: 'cutover was told to stop (SIGTERM)',
};

/** Why a session was left open when this signal stopped cutover (a session.left reason). */
export function leftBy(signal: NodeJS.Signals): string {
  return LEFT[signal] ?? `cutover was stopped (${signal})`;
}

/** The reason a run cancelled by this signal records (an AbortController's abort reason). */
export function cancelledBy(signal: NodeJS.Signals): string {
  return WHY[signal] ?? `cancelled (${signal})`;
}
