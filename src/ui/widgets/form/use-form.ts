// Keys of a form: Tab/↓ and Shift-Tab/↑ move between fields, Enter moves on (and submits on the
// last field or a button), Ctrl-S submits from anywhere, Esc cancels; ←/→ or Space change a
// choice; everything else edits the focused text field.
import type { TextInputAction } from '../text-input/use-text-input-state.js';
import { editKey } from '../text-input/use-text-input.js';
import { useKeys } from '../../keys/use-keys.js';
import type { FieldSpec, FormHandle } from './use-form-state.js';

export interface FormOptions {
  active: boolean;
  onSubmit: (values: Record<string, string>) => void;
  onCancel?: () => void;
  onHelp?: () => void;
  /** Enter submits from any field (short forms), instead of moving to the next one. */
  enterSubmits?: boolean;
}

export function useForm(fields: FieldSpec[], form: FormHandle, options: FormOptions): void {
  useKeys(
    (event) => {
      const { focus, values } = form.current();
      const field = fields[focus];
      if (!field) return;
      // The last input field counts as last when only buttons follow it.
      const last = fields.slice(focus + 1).every((f) => f.kind === 'button');
      if (event.ctrl && event.text === 's') return options.onSubmit(form.current().values);
      if (event.name === 'escape') return options.onCancel?.();
      if (event.name === 'tab' || event.name === 'down') return form.dispatch({ type: 'focus', delta: 1 });
      if (event.name === 'backtab' || event.name === 'up') return form.dispatch({ type: 'focus', delta: -1 });
      if (event.name === 'return') {
        if (last || field.kind === 'button' || options.enterSubmits) return options.onSubmit(form.current().values);
        return form.dispatch({ type: 'focus', delta: 1 });
      }
      if (field.kind === 'button') {
        if (event.text === '?' && options.onHelp) options.onHelp();
        return;
      }
      if (field.kind === 'choice') {
        const choices = field.choices ?? [];
        if (event.name === 'right' || event.text === ' ') form.dispatch({ type: 'cycle', field: field.id, choices, delta: 1 });
        else if (event.name === 'left') form.dispatch({ type: 'cycle', field: field.id, choices, delta: -1 });
        else if (event.text === '?' && options.onHelp) options.onHelp();
        else if (event.text && !event.ctrl) {
          const match = choices.find((c) => c.toLowerCase().startsWith(event.text.toLowerCase()));
          if (match) form.dispatch({ type: 'cycle', field: field.id, choices, delta: choices.indexOf(match) - choices.indexOf(values[field.id] ?? '') });
        }
        return;
      }
      editKey(
        {
          state: { value: values[field.id] ?? '', cursor: form.current().cursors[field.id] ?? (values[field.id] ?? '').length },
          dispatch: (edit: TextInputAction) => form.dispatch({ type: 'edit', field: field.id, edit }),
          current: () => form.current().values[field.id] ?? '',
        },
        event,
      );
    },
    { active: options.active },
  );
}
