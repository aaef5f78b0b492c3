// The root of the TUI: the current screen between the always-visible header and footer, the
// help overlay, dialogs, and the one place that handles Ctrl-C.
import { Box } from 'ink';
import React, { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CutoverSession } from '../../services/session.js';
import { useKeys } from '../keys/use-keys.js';
import { Footer, footerRows } from '../layout/footer.js';
import { Header, headerRows } from '../layout/header.js';
import type { RunController } from '../run/run-controller.js';
import { HelpScreen } from '../screens/help-screen.js';
import { useMainCursor } from '../screens/main/use-main-cursor.js';
import { RollbackOffer } from '../screens/main/rollback-offer.js';
import { ConfirmDialogView } from '../widgets/dialog/confirm-dialog.js';
import { PromptDialogView } from '../widgets/dialog/prompt-dialog.js';
import { headerInfo, helpScope, hintsFor } from './chrome.js';
import type { Screen } from './screens.js';
import { ScreenView } from './screen-view.js';
import { errorText, TuiContext, type Dialog, type Flash, type Tui } from './tui-context.js';
import type { TuiServices } from './tui-services.js';
import { useSessionVersion } from './use-session-state.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface AppProps {
  services: TuiServices;
  runs: RunController;
  initialScreen: Screen;
  initialSession?: CutoverSession;
  /** A session was started or resumed (the caller closes it on exit and on signals). */
  onSession?: (session: CutoverSession) => void;
  onQuit: (how: { finish: boolean }) => void;
  /** The TUI cannot go on (e.g. the checklist is invalid): leave it and report `error`. */
  onFatal?: (error: unknown) => void;
}

const dialogHeight = (dialog: Dialog): number => 4 + (dialog.lines?.length ?? 0) + (dialog.kind === 'prompt' ? 2 : 0);

export function App(props: AppProps): React.JSX.Element {
  const size = useTerminalSize();
  const [session, setSession] = useState(props.initialSession);
  const { state, version } = useSessionVersion(session);
  const [screen, setScreen] = useState<Screen>(props.initialScreen);
  const [help, setHelp] = useState(false);
  const [dialogs, setDialogs] = useState<Array<{ id: number; dialog: Dialog }>>([]);
  const dialogIds = useRef(0);
  const dialogsRef = useRef(dialogs);
  dialogsRef.current = dialogs;
  const [busy, setBusy] = useState<string>();
  const busyRef = useRef<string | undefined>(undefined);
  const [flash, setFlash] = useState<Flash>();
  const run = useSyncExternalStore(props.runs.subscribe, props.runs.snapshot);
  const dialog = dialogs[0]?.dialog;

  const say = useCallback((text: string, tone: Flash['tone'] = 'info') => setFlash({ text: text.replace(/\s*\n\s*/g, ' · '), tone }), []);
  useEffect(() => {
    if (!flash || flash.tone === 'error') return;
    const timer = setTimeout(() => setFlash(undefined), 8_000);
    return () => clearTimeout(timer);
  }, [flash]);

  const cursor = useMainCursor(session, (error) => say(`could not save the cursor: ${errorText(error)}`, 'error'));
  const openDialog = useCallback((d: Dialog, first = false) => {
    const entry = { id: ++dialogIds.current, dialog: d };
    setDialogs((all) => (first ? [entry, ...all] : [...all, entry]));
  }, []);
  const closeDialog = useCallback(() => setDialogs((all) => all.slice(1)), []);

  const quitNow = (finish: boolean): void => props.onQuit({ finish });
  const quitAsked = (): boolean => dialogsRef.current[0]?.dialog.id === 'quit';
  const requestQuit = (): void => {
    if (quitAsked()) return;
    openDialog(
      {
      id: 'quit',
      kind: 'confirm',
      title: 'Quit cutover?',
      lines: [
        props.runs.running ? 'A command is running: it will be cancelled (and recorded as cancelled).' : 'Everything is already saved.',
        session ? 'Resume later with: cutover resume' : 'Nothing was started.',
      ],
      choices: [
        { key: 'y', label: 'quit', onChoose: () => quitNow(false) },
        ...(session ? [{ key: 'f', label: 'finish the session and quit', onChoose: () => quitNow(true) }] : []),
        { key: 'n', label: 'stay', onChoose: () => undefined },
      ],
      },
      true,
    );
  };

  // The one place that handles Ctrl-C: cancel a running command, else ask, else quit.
  useKeys(
    () => {
      if (props.runs.running) {
        props.runs.cancel();
        say('cancelling the command: its process group is being killed', 'info');
      } else if (quitAsked()) quitNow(false);
      else requestQuit();
    },
    { ctrlC: true },
  );

  const perform: Tui['perform'] = async (label, action, done) => {
    if (busyRef.current) {
      say(`wait: still ${busyRef.current}`, 'info');
      return { ok: false };
    }
    busyRef.current = label;
    setBusy(label);
    try {
      const value = await action();
      const text = done?.(value);
      setFlash(text ? { text, tone: 'ok' } : undefined);
      return { ok: true, value };
    } catch (error) {
      say(errorText(error), 'error');
      return { ok: false };
    } finally {
      busyRef.current = undefined;
      setBusy(undefined);
    }
  };

  const rows = Math.max(3, size.rows - 1);
  const header = session ? headerRows(rows) : Math.min(2, headerRows(rows));
  const { hintLines } = footerRows(rows);
  const dialogRows = dialog ? dialogHeight(dialog) : 0;
  const bodyRows = Math.max(1, rows - header - 1 - hintLines - dialogRows);

  const tui: Tui = {
    services: props.services,
    session,
    state,
    version,
    runs: props.runs,
    screen,
    size,
    bodyRows,
    go: (next) => {
      setHelp(false);
      setScreen(next);
    },
    openDialog,
    closeDialog,
    perform,
    busy,
    say,
    showHelp: () => setHelp(true),
    requestQuit,
    adoptSession: (s) => {
      setSession(s);
      props.onSession?.(s);
    },
    cursor,
    fail: (error) => (props.onFatal ? props.onFatal(error) : say(errorText(error), 'error')),
  };
  const info = useMemo(() => headerInfo(screen, session), [screen, session]);
  const overlay = help ? 'help' : dialog ? 'dialog' : undefined;
  return (
    <TuiContext.Provider value={tui}>
      {session ? <RollbackOffer /> : null}
      <Box flexDirection="column" width={size.columns} height={rows}>
        <Header info={info} session={session} state={state} rows={rows} />
        <Box flexDirection="column" height={bodyRows} overflow="hidden">
          {help ? <HelpScreen scope={helpScope(screen, run)} rows={bodyRows} onClose={() => setHelp(false)} /> : null}
          {/* Hidden, not unmounted, under the help: forms keep what was typed. */}
          <Box display={help ? 'none' : 'flex'} flexDirection="column">
            <ScreenView screen={screen} active={!overlay} hasSession={!!session} />
          </Box>
        </Box>
        {dialog && !help ? (
          dialog.kind === 'prompt' ? (
            <PromptDialogView key={dialogs[0]?.id} dialog={dialog} width={size.columns} onClose={closeDialog} />
          ) : (
            <ConfirmDialogView key={dialogs[0]?.id} dialog={dialog} width={size.columns} onClose={closeDialog} />
          )
        ) : null}
        <Footer hints={hintsFor(screen, run, session, overlay)} busy={busy} flash={flash} columns={size.columns} hintLines={hintLines} />
      </Box>
    </TuiContext.Provider>
  );
}
