// Key handling of a text field: printable keys edit the value; every other key is left to the
// form (Enter, Tab, Esc, arrows up/down) through `onOther`.
import type { KeyEvent } from '../../keys/key-event.js';
import { useKeys } from '../../keys/use-keys.js';
import type { TextInputHandle } from './use-text-input-state.js';

export function editKey(handle: TextInputHandle, event: KeyEvent): boolean {
  const { dispatch } = handle;
  if (event.ctrl) {
    const ctrlActions: Record<string, () => void> = {
      a: () => dispatch({ type: 'home' }),
      e: () => dispatch({ type: 'end' }),
      u: () => dispatch({ type: 'clear' }),
      w: () => dispatch({ type: 'deleteWord' }),
    };
    const act = ctrlActions[event.text];
    act?.();
    return act !== undefined;
  }
  switch (event.name) {
    case 'backspace':
      dispatch({ type: 'backspace' });
      return true;
    case 'left':
      dispatch({ type: 'left' });
      return true;
    case 'right':
      dispatch({ type: 'right' });
      return true;
    case 'home':
      dispatch({ type: 'home' });
      return true;
    case 'end':
      dispatch({ type: 'end' });
      return true;
    case 'paste':
    case undefined:
      if (event.meta || event.glued || !event.text) return false;
      dispatch({ type: 'insert', text: event.text });
      return true;
    default:
      return false;
  }
}

export function useTextInput(
  handle: TextInputHandle,
  options: { active: boolean; onSubmit?: (value: string) => void; onOther?: (event: KeyEvent) => void },
): void {
  useKeys(
    (event) => {
      if (event.name === 'return' && options.onSubmit) {
        options.onSubmit(handle.current());
        return;
      }
      if (!editKey(handle, event)) options.onOther?.(event);
    },
    { active: options.active },
  );
}
