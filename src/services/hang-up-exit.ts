// How a process that had a terminal ends after a hang-up (SIGHUP: the SSH session or the terminal
// closed). At exit Node 20 puts back the modes of every stdio TTY it started with, and when that
// TTY is gone it aborts on the failed tcsetattr (EIO), printing a native stack trace and leaving a
// core dump wherever those are collected (nodejs/node#51519). So once its cleanup is done, such a
// process ends the Unix way, by the SIGHUP itself, which skips that exit hook; shells report it as
// 129, the code it would have exited with. Without a terminal it exits normally with 129.
import { isatty } from 'node:tty';

// Read at start-up, as Node does: after a hang-up the descriptors no longer answer as TTYs.
const hadTerminal = [0, 1, 2].some((fd) => isatty(fd));
let hungUp = false;

/** Call from a stop-signal handler: after a SIGHUP, the process's exit (whenever its cleanup ends in one) becomes death by SIGHUP. */
export function endByHangUpAtExit(signal: NodeJS.Signals): void {
  if (signal !== 'SIGHUP' || hungUp || !hadTerminal) return;
  hungUp = true;
  // Added at the hang-up, so after the exit hooks set up before it (a lock's release): those run first.
  process.once('exit', () => {
    // With no listener left, the signal has its default action again: the process ends here.
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
  });
}
