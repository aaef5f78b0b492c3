// `t`: mark T0 (the cutover was executed). Refused while required roles are neither filled nor
// acknowledged TBD; asks before moving an already marked T0.
import { clockTime } from '../format.js';
import { useSessionTui } from '../app/tui-context.js';

export function useMarkT0(): () => void {
  const tui = useSessionTui();
  const { session, state } = tui;
  const mark = (): void =>
    tui.openDialog({
      kind: 'prompt',
      title: 'Mark T0 now: the cutover is executed, the T+ clock starts',
      lines: ['Note (optional), e.g. the deploy or change reference. Enter marks T0, Esc cancels.'],
      onSubmit: (note) => {
        void tui.perform('marking T0', () => session.markT0(note.trim() || undefined), () => 'T0 marked: the T+ clock is running');
      },
    });
  return () => {
    const missing = session.missingRoles();
    if (missing.length) {
      const list = missing.map((r) => r.title).join(', ');
      // The roles screen lists what is missing already: say what to press there.
      const text = tui.screen.name === 'roles'
        ? 'T0 is blocked: Enter fills the selected role, u acknowledges it TBD'
        : `T0 is blocked: required role${missing.length > 1 ? 's' : ''} not filled: ${list} — press o (roles) to fill them or acknowledge TBD`;
      tui.say(text, 'error');
      return;
    }
    if (!state.t0) return mark();
    tui.openDialog({
      kind: 'confirm',
      title: `T0 is already marked (${clockTime(state.t0)}). Mark it again now?`,
      lines: ['The new T0 is recorded; the earlier one stays in the evidence.'],
      // Enter keeps it: moving the T+ clock every timed item counts from takes a typed y.
      choices: [
        { key: 'n', label: 'keep it', onChoose: () => undefined },
        { key: 'y', label: 'mark T0 again', onChoose: mark },
      ],
    });
  };
}
