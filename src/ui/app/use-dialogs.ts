// The dialog queue (the first one is shown), the quit question, and the one place that handles
// Ctrl-C: cancel a running command, else ask to quit, and a second Ctrl-C quits.
import { useCallback, useRef, useState } from 'react';
import type { CutoverSession } from '../../services/session.js';
import { useKeys } from '../keys/use-keys.js';
import type { RunController } from '../run/run-controller.js';
import { displayPath } from '../paths.js';
import { finishWarnings } from './finish-warnings.js';
import type { Dialog, Tui } from './tui-context.js';

export function useDialogs(options: {
  runs: RunController;
  session: CutoverSession | undefined;
  say: Tui['say'];
  onQuit: (how: { finish: boolean }) => void;
  /** Offered when quitting a drill: its timings against earlier drills, before leaving. */
  onDrillSummary: () => void;
}) {
  const [dialogs, setDialogs] = useState<Array<{ id: number; dialog: Dialog }>>([]);
  const ids = useRef(0);
  const current = useRef(dialogs);
  current.current = dialogs;

  const openDialog = useCallback((dialog: Dialog, first = false) => {
    const entry = { id: ++ids.current, dialog };
    setDialogs((all) => (first ? [entry, ...all] : [...all, entry]));
  }, []);
  const closeDialog = useCallback(() => setDialogs((all) => all.slice(1)), []);

  const { runs, session, onQuit } = options;
  const quitAsked = (): boolean => current.current[0]?.dialog.id === 'quit';
  const requestQuit = (): void => {
    if (quitAsked()) return;
    const drill = session?.mode === 'drill';
    const quit: Dialog = {
      id: 'quit',
      kind: 'confirm',
      title: 'Quit cutover?',
      lines: [
        runs.running ? 'A command is running: it will be cancelled (and recorded as cancelled).' : 'Everything is already saved.',
        session ? `Resume later with: cutover resume ${displayPath(session.evidencePath)}` : 'Nothing was started.',
        ...(drill ? ['Drill: d shows its timings against earlier drills first, then asks again (D shows them any time).'] : []),
      ],
      choices: [
        { key: 'y', label: 'quit', onChoose: () => onQuit({ finish: false }) },
        ...(session ? [{ key: 'f', label: 'finish the session and quit', onChoose: () => confirmFinish(session) }] : []),
        ...(drill ? [{ key: 'd', label: 'summary first', onChoose: options.onDrillSummary }] : []),
        { key: 'n', label: 'stay', onChoose: () => undefined },
      ],
    };
    openDialog(quit, true);
  };

  // Finishing closes the session (it leaves the resume list): say what is still open, and ask again.
  const confirmFinish = (open: CutoverSession): void => {
    const warnings = finishWarnings(open);
    openDialog(
      {
        id: 'finish',
        kind: 'confirm',
        tone: warnings.length ? 'danger' : 'normal',
        title: warnings.length ? 'Finish the session with work still open?' : 'Finish the session?',
        lines: [...warnings.map((w) => `• ${w}`), 'Finishing closes the session; cutover resume <file> can reopen it.'],
        // Enter keeps the session open: only a typed y finishes it.
        choices: [
          { key: 'n', label: 'do not finish', onChoose: () => undefined },
          { key: 'y', label: 'finish and quit', onChoose: () => onQuit({ finish: true }) },
        ],
      },
      true,
    );
  };

  useKeys(
    () => {
      if (runs.running) {
        runs.cancel();
        options.say('cancelling the command: its process group is being killed', 'info');
      } else if (quitAsked()) onQuit({ finish: false });
      else requestQuit();
    },
    { ctrlC: true },
  );

  return { dialog: dialogs[0], openDialog, closeDialog, requestQuit };
}
