// Reducer of a form: a value per field, a cursor per text field, and which field has focus.
// Like the text field, the latest state is kept in a ref so that keys arriving together compose.
import { useCallback, useRef, useState } from 'react';
import { textInputReducer, type TextInputAction } from '../text-input/use-text-input-state.js';

export interface FieldSpec {
  id: string;
  label: string;
  kind?: 'text' | 'choice' | 'button';
  mask?: boolean;
  choices?: string[];
  /** Shown under the form while the field has focus. */
  hint?: string;
  placeholder?: string;
}

export interface FormState {
  values: Record<string, string>;
  cursors: Record<string, number>;
  focus: number;
  /** Esc was pressed once with typed text: the next Esc discards it (see `useForm`'s guardDiscard). */
  discardArmed?: boolean;
}

export type FormAction =
  | { type: 'focus'; delta: number }
  | { type: 'focusAt'; index: number }
  | { type: 'edit'; field: string; edit: TextInputAction }
  | { type: 'cycle'; field: string; choices: string[]; delta: number }
  | { type: 'armDiscard'; on: boolean };

export function formReducer(state: FormState, count: number, action: FormAction): FormState {
  switch (action.type) {
    case 'focus':
      return { ...state, focus: Math.max(0, Math.min(count - 1, state.focus + action.delta)) };
    case 'focusAt':
      return { ...state, focus: Math.max(0, Math.min(count - 1, action.index)) };
    case 'edit': {
      const before = { value: state.values[action.field] ?? '', cursor: state.cursors[action.field] ?? (state.values[action.field] ?? '').length };
      const after = textInputReducer(before, action.edit);
      return { ...state, values: { ...state.values, [action.field]: after.value }, cursors: { ...state.cursors, [action.field]: after.cursor } };
    }
    case 'armDiscard':
      return state.discardArmed === action.on ? state : { ...state, discardArmed: action.on };
    case 'cycle': {
      const at = action.choices.indexOf(state.values[action.field] ?? '');
      const next = action.choices[(at + action.delta + action.choices.length) % action.choices.length] ?? '';
      return { ...state, values: { ...state.values, [action.field]: next } };
    }
  }
}

export interface FormHandle {
  /** The values the form opened with: what it has changed is what Esc would lose. */
  initial: Record<string, string>;
  state: FormState;
  dispatch: (action: FormAction) => void;
  current: () => FormState;
}

export function useFormState(fields: FieldSpec[], initial: Record<string, string>, initialFocus = 0): FormHandle {
  const ref = useRef<FormState>({ values: { ...initial }, cursors: {}, focus: Math.max(0, Math.min(fields.length - 1, initialFocus)) });
  const [state, setState] = useState(ref.current);
  const count = fields.length;
  const dispatch = useCallback(
    (action: FormAction) => {
      ref.current = formReducer(ref.current, count, action);
      setState(ref.current);
    },
    [count],
  );
  const current = useCallback(() => ref.current, []);
  const [opened] = useState(() => ({ ...initial }));
  return { initial: opened, state, dispatch, current };
}
