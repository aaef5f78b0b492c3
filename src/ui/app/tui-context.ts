// What every screen reaches through context: the session and its state, navigation, dialogs,
// and `perform`, which runs a session action and reports it only once it is durably recorded.
import { createContext, useContext } from 'react';
import type { SessionState } from '../../domain/session-state.js';
import type { CutoverSession } from '../../services/session.js';
import type { RunController } from '../run/run-controller.js';
import type { MainCursor } from '../screens/main/use-main-cursor.js';
import type { Screen } from './screens.js';
import type { TuiServices } from './tui-services.js';
import type { TerminalSize } from './use-terminal-size.js';

export interface PromptDialog {
  kind: 'prompt';
  id?: string;
  title: string;
  lines?: string[];
  initial?: string;
  placeholder?: string;
  mask?: boolean;
  /** When set, an empty value is refused with this message. */
  required?: string;
  /** What is wrong with a value that is not empty, if anything: shown, and the dialog stays open. */
  check?: (value: string) => string | undefined;
  onSubmit: (value: string) => void;
  onCancel?: () => void;
}

export interface ConfirmDialog {
  kind: 'confirm';
  id?: string;
  title: string;
  lines?: string[];
  tone?: 'danger' | 'normal';
  /** The first choice is the one Enter picks. */
  choices: Array<{ key: string; label: string; onChoose: () => void }>;
  onCancel?: () => void;
}

export type Dialog = PromptDialog | ConfirmDialog;

export interface Flash {
  text: string;
  tone: 'ok' | 'info' | 'error';
  /** Said about this section of the checklist: not shown once the cursor is on another one. */
  section?: string;
}

export type PerformResult<T> = { ok: true; value: T } | { ok: false };

export interface Tui {
  services: TuiServices;
  session: CutoverSession | undefined;
  state: SessionState | undefined;
  /** Changes with every recorded event (the state object itself is updated in place). */
  version: number;
  runs: RunController;
  screen: Screen;
  size: TerminalSize;
  /** Rows available to the screen between header and footer. */
  bodyRows: number;
  /** When `go` last changed the screen (0: the first screen). */
  enteredAt: number;
  /**
   * Shows `screen`. The status message of the screen left is dropped, unless `keepStatus`: what
   * the screen just recorded is read on the next one ("decision recorded · next: …").
   */
  go(screen: Screen, options?: { keepStatus?: boolean }): void;
  /** Queues a dialog; `first` puts it in front of any open one. */
  openDialog(dialog: Dialog, first?: boolean): void;
  closeDialog(): void;
  perform<T>(label: string, action: () => Promise<T>, done?: (value: T) => string | undefined): Promise<PerformResult<T>>;
  busy: string | undefined;
  say(text: string, tone?: Flash['tone'], about?: { section?: string }): void;
  showHelp(): void;
  requestQuit(): void;
  adoptSession(session: CutoverSession): void;
  /** Leaves the TUI with an error the command reports (e.g. an invalid checklist). */
  fail(error: unknown): void;
  /** Where the main view is; kept while other screens are open. */
  cursor: MainCursor;
}

export const TuiContext = createContext<Tui | undefined>(undefined);

export function useTui(): Tui {
  const tui = useContext(TuiContext);
  if (!tui) throw new Error('useTui needs the <App> above it');
  return tui;
}

/** For screens that only make sense inside a session. */
export function useSessionTui(): Tui & { session: CutoverSession; state: SessionState } {
  const tui = useTui();
  if (!tui.session || !tui.state) throw new Error('this screen needs a session');
  return tui as Tui & { session: CutoverSession; state: SessionState };
}

export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint = (error as { hint?: string } | undefined)?.hint;
  return hint ? `${message} — ${hint}` : message;
}
