// The dialog queue (the first one is shown), the quit question, and the one place that handles
// Ctrl-C: cancel a running command, else ask to quit, and a second Ctrl-C quits.
import { useCallback, useRef, useState } from 'react';
import type { CutoverSession } from '../../services/session.js';
import { useKeys } from '../keys/use-keys.js';
import type { RunController } from '../run/run-controller.js';
import { displayPath } from '../paths.js';
import { finishWarnings } from './finish-warnings.js';
import { unsubmittedText } from '../widgets/dialog/prompt-dialog.js';
import { typedInOpenForm } from '../widgets/form/use-form.js';
import type { Dialog, PromptDialog, Tui } from './tui-context.js';

/** Where typed text waits unrecorded (an open prompt, a recording form), as "in …", if anywhere. */
function unrecordedTyping(dialogs: Dialog[]): string | undefined {
  const prompt = dialogs.find((d): d is PromptDialog => d.kind === 'prompt' && !d.mask && !!unsubmittedText(d));
  if (prompt) return `in "${prompt.title}"`;
  return typedInOpenForm() ? 'in the form' : undefined;
}

const CANCEL_RACE_MS = 1_500;

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
  const raceTold = useRef<number>(undefined);
  const quitAsked = (): boolean => current.current[0]?.dialog.id === 'quit';
  const requestQuit = (): void => {
    if (quitAsked()) return;
    const drill = session?.mode === 'drill';
    const typed = unrecordedTyping(current.current.map((entry) => entry.dialog));
    const quit: Dialog = {
      id: 'quit',
      kind: 'confirm',
      title: 'Quit cutover?',
      lines: [
        ...(runs.running ? ['A command is running: it will be cancelled (and recorded as cancelled).'] : session ? [typed ? 'Everything recorded is saved.' : 'Everything is already saved.'] : []),
        ...(typed ? [`Not what you typed ${typed}: quitting drops it (n goes back to it).`] : []),
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
    // Enter picks the first choice: with typed text at stake, Enter stays.
    if (typed) quit.choices.unshift(...quit.choices.splice(-1));
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
      const ended = runs.snapshot()?.endedAt;
      if (runs.running) {
        runs.cancel();
        options.say('cancelling the command: its process group is being killed', 'info');
      } else if (quitAsked()) onQuit({ finish: false });
      else if (ended !== undefined && ended !== raceTold.current && Date.now() - ended < CANCEL_RACE_MS) {
        raceTold.current = ended;
        // A Ctrl-C hammered to stop a command that has just ended (or was just cancelled) is not
        // a request to leave: the next Enter would otherwise quit the TUI mid-cutover.
        options.say('the command has already ended: nothing to cancel (Ctrl-C again asks to quit)', 'info');
      } else requestQuit();
    },
    { ctrlC: true },
  );

  return { dialog: dialogs[0], openDialog, closeDialog, requestQuit };
}
