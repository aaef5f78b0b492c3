// Starts the TUI on the real terminal and owns every way out of it: quitting, finishing, and
// SIGTERM / SIGHUP (an SSH drop). Each path cancels a running command (recorded), restores the
// terminal, and closes the session, which releases its lock. Nothing else needs saving: every
// event is on disk before the screen shows it.
import { render } from 'ink';
import React from 'react';
import { shellWord } from '../../domain/command-template.js';
import { cancelledBy, leftBy, SIGNAL_EXIT, STOP_SIGNALS } from '../../domain/stop-signals.js';
import { endByHangUpAtExit } from '../../services/hang-up-exit.js';
import type { CutoverSession } from '../../services/session.js';
import { PASTE_MODE_OFF, PASTE_MODE_ON } from '../keys/bracketed-paste.js';
import { KeyRouter } from '../keys/key-router.js';
import { displayPath } from '../paths.js';
import { RunController } from '../run/run-controller.js';
import { App } from './app.js';
import type { Screen } from './screens.js';
import type { TuiServices } from './tui-services.js';

export interface TuiStart {
  services: TuiServices;
  initialScreen: Screen;
  initialSession?: CutoverSession;
}

const ALT_SCREEN_ON = '\u001B[?1049h';
const ALT_SCREEN_OFF = '\u001B[?1049l';

function write(text: string): void {
  try {
    process.stdout.write(text);
  } catch {
    // the terminal is gone (SSH dropped): nothing to restore
  }
}

export async function runTui(start: TuiStart): Promise<number> {
  let session = start.initialSession;
  const runs = new RunController(() => session);
  let closing: Promise<number> | undefined;
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((done) => (resolveExit = done));

  write(ALT_SCREEN_ON + PASTE_MODE_ON);
  let fatal: unknown;
  /** `crashed`: an internal error, not the operator, ended it; recorded as why the session was left open. */
  const shutdown = (how: { finish: boolean; signal?: NodeJS.Signals; crashed?: true }): Promise<number> => {
    closing ??= (async () => {
      await runs.stop(how.signal && cancelledBy(how.signal)).catch(() => undefined);
      try {
        instance.unmount();
      } finally {
        write(PASTE_MODE_OFF + ALT_SCREEN_OFF);
      }
      if (session) {
        try {
          if (how.finish) await session.finish('finished by the operator');
          // Best effort: a disk that cannot take this event must not keep the operator from leaving.
          else await session.leave(how.signal ? leftBy(how.signal) : how.crashed ? 'cutover stopped on an internal error' : 'the operator quit').catch(() => undefined);
        } finally {
          await session.close();
        }
        const where = shellWord(displayPath(session.evidencePath));
        if (!how.signal) {
          write(how.finish ? `Session finished. Evidence: ${where}\nExport it with: cutover export ${where}\n` : `Evidence saved: ${where}\nResume with: cutover resume ${where}\n`);
        }
      }
      return how.signal ? (SIGNAL_EXIT[how.signal] ?? 1) : 0;
    })().catch((error: unknown) => {
      fatal ??= error;
      return 1;
    });
    return closing;
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    endByHangUpAtExit(signal);
    void shutdown({ finish: false, signal }).then((code) => process.exit(code));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  // A bug outside React must not leave the terminal raw and the session locked either.
  const onCrash = (error: unknown): void => {
    void shutdown({ finish: false, crashed: true })
      .catch(() => undefined)
      .then(() => {
        process.stderr.write(`cutover: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  const instance = render(
    <KeyRouter>
      <App
        services={start.services}
        runs={runs}
        initialScreen={start.initialScreen}
        initialSession={session}
        onSession={(s) => (session = s)}
        onQuit={(how) => void shutdown(how).then(resolveExit)}
        onFatal={(error) => {
          fatal = error;
          void shutdown({ finish: false, crashed: true }).then(resolveExit);
        }}
      />
    </KeyRouter>,
    { exitOnCtrlC: false, patchConsole: true },
  );
  setTimeout(() => void start.services.warmUp?.(), 200).unref();
  instance.waitUntilExit().catch(async (error: unknown) => {
    // A crash inside the UI: still restore the terminal and release the lock.
    await shutdown({ finish: false, crashed: true }).catch(() => undefined);
    process.stderr.write(`cutover: internal error in the TUI: ${error instanceof Error ? error.message : String(error)}\n`);
    resolveExit(1);
  });
  try {
    const code = await exited;
    if (fatal !== undefined) throw fatal;
    return code;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}
