// Reducer of a one-line text field. The current value is also kept in a ref that is updated as
// each key is applied, so that "typed text + Enter" arriving together submits the typed text.
import { useCallback, useRef, useState } from 'react';

export interface TextInputState {
  value: string;
  cursor: number;
}

export type TextInputAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'clear' }
  | { type: 'deleteWord' }
  | { type: 'set'; value: string };

export function textInputReducer(state: TextInputState, action: TextInputAction): TextInputState {
  const { value, cursor } = state;
  switch (action.type) {
    case 'insert':
      return { value: value.slice(0, cursor) + action.text + value.slice(cursor), cursor: cursor + action.text.length };
    case 'backspace':
      return cursor === 0 ? state : { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
    case 'left':
      return { value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case 'home':
      return { value, cursor: 0 };
    case 'end':
      return { value, cursor: value.length };
    case 'clear':
      return { value: value.slice(cursor), cursor: 0 };
    case 'deleteWord': {
      const before = value.slice(0, cursor).replace(/\S+\s*$/, '');
      return { value: before + value.slice(cursor), cursor: before.length };
    }
    case 'set':
      return { value: action.value, cursor: action.value.length };
  }
}

export interface TextInputHandle {
  state: TextInputState;
  dispatch: (action: TextInputAction) => void;
  /** The value including keys applied since the last render. */
  current: () => string;
}

export function useTextInputState(initial = ''): TextInputHandle {
  const ref = useRef<TextInputState>({ value: initial, cursor: initial.length });
  const [state, setState] = useState(ref.current);
  const dispatch = useCallback((action: TextInputAction) => {
    ref.current = textInputReducer(ref.current, action);
    setState(ref.current);
  }, []);
  const current = useCallback(() => ref.current.value, []);
  return { state, dispatch, current };
}
