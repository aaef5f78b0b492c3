// What the header and footer show for each screen: the header's facts before a session exists,
// the footer's key hints, and which help page `?` opens.
import type { CutoverSession } from '../../services/session.js';
import { footerHints, hiddenActions, type Scope } from '../keys/keymap.js';
import type { HeaderInfo } from '../layout/header.js';
import type { Hint } from '../layout/footer.js';
import type { Screen } from './screens.js';
import type { Dialog } from './tui-context.js';

const FORM_HINTS: Hint[] = [
  { label: 'Tab/↓', word: 'next field' },
  { label: 'Enter', word: 'next / submit' },
  { label: 'Ctrl-S', word: 'submit' },
  { label: 'Esc', word: 'back' },
];

export function helpScope(screen: Screen, running: boolean): Scope | 'form' {
  switch (screen.name) {
    case 'roles':
      return screen.editing ? 'form' : 'roles';
    case 'home':
    case 'main':
    case 'pager':
    case 'incidents':
      return screen.name;
    case 'running':
      return running ? 'running' : 'finished';
    case 'signoff':
      return 'list';
    case 'drill-summary':
      return 'summary';
    default:
      return 'form';
  }
}

export function hintsFor(screen: Screen, running: boolean, session: CutoverSession | undefined, overlay: 'help' | 'dialog' | undefined, dialog?: Dialog): Hint[] {
  if (overlay === 'help') return [{ label: 'Esc/?', word: 'close help' }, { label: '↑/↓', word: 'scroll' }];
  // A confirm dialog's Enter picks its first choice, which is not always "yes".
  const enter = dialog?.kind === 'confirm' ? (dialog.choices[0]?.label ?? 'confirm') : 'confirm';
  if (overlay === 'dialog') return [{ label: 'Enter', word: enter }, { label: 'Esc', word: 'cancel' }];
  const scope = helpScope(screen, running);
  // Opened by `cutover open`, the form has nothing to go back to: Esc asks to quit.
  if (scope === 'form' && screen.name === 'new-session' && !screen.fromHome) return FORM_HINTS.map((h) => (h.label === 'Esc' ? { ...h, word: 'quit' } : h));
  if (scope === 'form') return FORM_HINTS;
  return footerHints(scope, hiddenActions(scope, session?.mode === 'drill'));
}

export function headerInfo(screen: Screen, session: CutoverSession | undefined, evidenceDir: string): HeaderInfo {
  if (session) {
    const header = session.state.header;
    return { title: session.checklist.title, ticket: header.ticket, environment: header.environment, drill: header.mode === 'drill' };
  }
  if (screen.name === 'new-session') {
    const { prefill, loaded } = screen;
    const note = 'not started yet: nothing is recorded until the session starts';
    return { title: loaded?.checklist.title ?? 'cutover', ticket: prefill.ticket, environment: prefill.environment, drill: !!prefill.drill, note };
  }
  return { title: 'cutover — start a session or resume one', drill: false, note: `evidence directory: ${evidenceDir}` };
}
