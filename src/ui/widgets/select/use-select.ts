// Keys of a plain choice list: move with ↑/↓ (or j/k), Enter chooses, Esc goes back, q asks to
// quit; any other letter says it does nothing.
import { actionFor } from '../../keys/keymap.js';
import { unknownKeyText } from '../../keys/unknown-key.js';
import { useKeys } from '../../keys/use-keys.js';
import type { SelectHandle } from './use-select-state.js';

export function useSelect(
  handle: SelectHandle,
  options: {
    active: boolean;
    pageSize?: number;
    onSelect: (index: number) => void;
    onBack?: () => void;
    onHelp?: () => void;
    onQuit: () => void;
    /** What to say about a key that does nothing here. */
    onUnknown?: (text: string) => void;
  },
): void {
  useKeys(
    (event) => {
      const action = actionFor('list', event);
      const page = Math.max(1, options.pageSize ?? 10);
      if (action === 'up' || action === 'down') handle.dispatch({ type: action });
      else if (action === 'pageUp') handle.dispatch({ type: 'page', delta: -page });
      else if (action === 'pageDown') handle.dispatch({ type: 'page', delta: page });
      else if (action === 'select') options.onSelect(handle.dispatch({ type: 'page', delta: 0 }));
      else if (action === 'back') options.onBack?.();
      else if (action === 'help') options.onHelp?.();
      else if (action === 'quit') options.onQuit();
      else if (!action) {
        const unknown = unknownKeyText('list', event);
        if (unknown) options.onUnknown?.(unknown);
      }
    },
    { active: options.active },
  );
}
