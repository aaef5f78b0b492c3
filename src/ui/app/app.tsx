// The root of the TUI: the current screen between the always-visible header and footer, the
// help overlay, dialogs, and the one place that handles Ctrl-C.
import { Box } from 'ink';
import React, { useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CutoverSession } from '../../services/session.js';
import { hiddenActions } from '../keys/keymap.js';
import { Footer, footerRows, statusText } from '../layout/footer.js';
import { Header, headerRows } from '../layout/header.js';
import type { RunController } from '../run/run-controller.js';
import { HelpScreen } from '../screens/help-screen.js';
import { hasTimeline } from '../timeline/use-timeline.js';
import { useMainCursor } from '../screens/main/use-main-cursor.js';
import { RollbackOffer } from '../screens/main/rollback-offer.js';
import { InterruptedNotice } from '../screens/main/interrupted-notice.js';
import { SecretsOffer } from '../screens/main/secrets-offer.js';
import { ConfirmDialogView } from '../widgets/dialog/confirm-dialog.js';
import { dialogLayout } from '../widgets/dialog/dialog-layout.js';
import { PromptDialogView } from '../widgets/dialog/prompt-dialog.js';
import { headerInfo, helpScope, hintsFor } from './chrome.js';
import type { Screen } from './screens.js';
import { ScreenView } from './screen-view.js';
import { errorText, TuiContext, type Tui } from './tui-context.js';
import { useDialogs } from './use-dialogs.js';
import { useFeedback } from './use-feedback.js';
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

export function App(props: AppProps): React.JSX.Element {
  const size = useTerminalSize();
  const [session, setSession] = useState(props.initialSession);
  const { state, version } = useSessionVersion(session);
  const [screen, setScreen] = useState<Screen>(props.initialScreen);
  const [enteredAt, setEnteredAt] = useState(0);
  const [help, setHelp] = useState(false);
  // Only whether a command runs: the output itself re-renders the running screen, not the App.
  const running = useSyncExternalStore(props.runs.subscribe, () => props.runs.running);
  const { busy, flash: said, say, perform, leaveFor } = useFeedback(props.initialScreen.name, running);
  const cursor = useMainCursor(session, (error) => say(`could not save the cursor: ${errorText(error)}`, 'error'));
  // "end of <section>: ← then ↓ picks the next section" means nothing once the next one is picked
  const flash = said?.section !== undefined && said.section !== cursor.section?.id ? undefined : said;
  const showDrillSummary = (): void => {
    leaveFor('drill-summary', false);
    setHelp(false);
    setScreen({ name: 'drill-summary', thenQuit: true });
  };
  const { dialog: entry, openDialog, closeDialog, requestQuit } = useDialogs({ runs: props.runs, session, say, onQuit: props.onQuit, onDrillSummary: showDrillSummary });
  const dialog = entry?.dialog;
  // A dialog (the quit question after Ctrl-C) must be seen: it closes the help over it.
  useLayoutEffect(() => {
    if (entry) setHelp(false);
  }, [entry]);

  const rows = Math.max(3, size.rows - 1);
  const header = session ? headerRows(rows, hasTimeline(session.checklist)) : Math.min(2, headerRows(rows));
  // A long message takes a second footer row only when no dialog needs the rows.
  const status = statusText(busy, flash);
  const { statusLines, hintLines } = footerRows(rows, size.columns, dialog ? '' : status, rows - header - 1 - footerRows(rows).hintLines);
  // A dialog takes what it needs, leaving the screen at least one row; on a terminal too short for
  // that it takes the last row too: its keys must stay on screen.
  const room = rows - header - statusLines - hintLines;
  const fitted = dialog ? dialogLayout(dialog, size.columns, room - 1) : undefined;
  const layout = dialog && fitted && fitted.rows > room - 1 ? dialogLayout(dialog, size.columns, room) : fitted;
  const bodyRows = Math.max(layout ? 0 : 1, room - (layout?.rows ?? 0));

  const tui: Tui = {
    services: props.services,
    session,
    state,
    version,
    runs: props.runs,
    screen,
    size,
    bodyRows,
    enteredAt,
    go: (next, options) => {
      leaveFor(next.name, options?.keepStatus ?? false);
      setHelp(false);
      setScreen(next);
      setEnteredAt(Date.now());
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
  const info = useMemo(() => headerInfo(screen, session, props.services.evidenceDir), [screen, session, props.services.evidenceDir]);
  const overlay = help ? 'help' : dialog ? 'dialog' : undefined;
  const scope = helpScope(screen, running);
  // The frame drawn while `open` loads its checklist is only as tall as its few lines: Ink draws
  // every cell of a frame, and a full-height first frame took a third longer to reach the screen.
  const loading = screen.name === 'new-session' && !screen.loaded;
  return (
    <TuiContext.Provider value={tui}>
      {session ? <RollbackOffer /> : null}
      {session ? <SecretsOffer /> : null}
      {session ? <InterruptedNotice /> : null}
      <Box flexDirection="column" width={size.columns} height={loading ? undefined : rows}>
        <Header info={info} session={session} state={state} rows={rows} columns={size.columns} />
        <Box flexDirection="column" height={loading ? undefined : bodyRows} overflow="hidden">
          {help ? <HelpScreen scope={scope} hide={hiddenActions(scope, session?.mode === 'drill')} rows={bodyRows} onClose={() => setHelp(false)} /> : null}
          {/* Hidden, not unmounted, under the help: forms keep what was typed. */}
          <Box display={help ? 'none' : 'flex'} flexDirection="column">
            <ScreenView screen={screen} active={!overlay} hasSession={!!session} />
          </Box>
        </Box>
        {dialog && layout && !help ? (
          dialog.kind === 'prompt' ? (
            <PromptDialogView key={entry?.id} dialog={dialog} layout={layout} width={size.columns} onClose={closeDialog} />
          ) : (
            <ConfirmDialogView key={entry?.id} dialog={dialog} layout={layout} width={size.columns} onClose={closeDialog} />
          )
        ) : null}
        <Footer hints={hintsFor(screen, running, session, overlay, dialog)} busy={busy} flash={flash} columns={size.columns} hintLines={hintLines} statusLines={statusLines} />
      </Box>
    </TuiContext.Provider>
  );
}
