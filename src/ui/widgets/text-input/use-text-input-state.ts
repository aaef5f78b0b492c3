// Reducer of a one-line text field. The current value is also kept in a ref that is updated as
// each key is applied, so that "typed text + Enter" arriving together submits the typed text.
import { useCallback, useRef, useState } from 'react';
import { characters } from '../../../domain/plain-text.js';

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

/** Where the character before `cursor` starts (an emoji or an accented letter is one character). */
function previousStart(value: string, cursor: number): number {
  const before = characters(value.slice(0, cursor));
  return cursor - (before.at(-1)?.length ?? 0);
}

/** Where the character after `cursor` ends. */
function nextEnd(value: string, cursor: number): number {
  return cursor + (characters(value.slice(cursor))[0]?.length ?? 0);
}

export function textInputReducer(state: TextInputState, action: TextInputAction): TextInputState {
  const { value, cursor } = state;
  switch (action.type) {
    case 'insert':
      return { value: value.slice(0, cursor) + action.text + value.slice(cursor), cursor: cursor + action.text.length };
    case 'backspace': {
      const start = previousStart(value, cursor);
      return cursor === 0 ? state : { value: value.slice(0, start) + value.slice(cursor), cursor: start };
    }
    case 'left':
      return { value, cursor: previousStart(value, cursor) };
    case 'right':
      return { value, cursor: nextEnd(value, cursor) };
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
