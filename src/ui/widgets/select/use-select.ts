// Keys of a plain choice list: move with ↑/↓ (or j/k), Enter chooses, Esc goes back.
import { actionFor } from '../../keys/keymap.js';
import { useKeys } from '../../keys/use-keys.js';
import type { SelectHandle } from './use-select-state.js';

export function useSelect(
  handle: SelectHandle,
  options: { active: boolean; pageSize?: number; onSelect: (index: number) => void; onBack?: () => void; onHelp?: () => void },
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
    },
    { active: options.active },
  );
}
