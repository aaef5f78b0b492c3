// Keys of a form: Tab/↓ and Shift-Tab/↑ move between fields, Enter moves on (and submits on the
// last field or a button), Ctrl-S submits from anywhere, Esc cancels; ←/→ or Space change a
// choice; everything else edits the focused text field.
import type { TextInputAction } from '../text-input/use-text-input-state.js';
import { editKey } from '../text-input/use-text-input.js';
import { useEffect, useRef } from 'react';
import { useKeys } from '../../keys/use-keys.js';
import type { FieldSpec, FormHandle } from './use-form-state.js';

export interface FormOptions {
  active: boolean;
  onSubmit: (values: Record<string, string>) => void;
  onCancel?: () => void;
  onHelp?: () => void;
  /** Enter submits from any field (short forms), instead of moving to the next one. */
  enterSubmits?: boolean;
  /** Esc with typed text asks for a second Esc before the text is dropped (forms that record something). */
  guardDiscard?: boolean;
}

/** Whether any text field holds something other than what the form opened with (a choice is one key to pick again). */
export function formChanged(fields: FieldSpec[], form: FormHandle): boolean {
  const { values } = form.current();
  return fields.some((f) => (f.kind ?? 'text') === 'text' && (values[f.id] ?? '').trim() !== (form.initial[f.id] ?? '').trim());
}

/**
 * The choice a typed character picks: the next one (after `at`, wrapping) that starts with it,
 * else the next one that contains it — so "r" steps through rollback and roll-forward, and "1"
 * picks SEV1.
 */
export function nextChoiceFor(choices: string[], at: number, typed: string): number {
  const key = typed.toLowerCase();
  const order = choices.map((_, i) => (at + 1 + i) % choices.length);
  const starts = order.find((i) => choices[i]?.toLowerCase().startsWith(key));
  if (starts !== undefined) return starts;
  return order.find((i) => choices[i]?.toLowerCase().includes(key)) ?? -1;
}

// The open recording forms (guardDiscard), each asked whether it holds typed text: the quit
// question must not say everything is saved while a form holds what was not recorded yet.
const openForms = new Set<() => boolean>();

export function typedInOpenForm(): boolean {
  return [...openForms].some((changed) => changed());
}

export function useForm(fields: FieldSpec[], form: FormHandle, options: FormOptions): void {
  useEffect(() => {
    if (!options.guardDiscard) return;
    const changed = (): boolean => formChanged(fields, form);
    openForms.add(changed);
    return () => void openForms.delete(changed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.guardDiscard]);
  // The letter last typed on a choice field: only the same letter again moves on to its next match.
  const lastLetter = useRef<string | undefined>(undefined);
  useKeys(
    (event) => {
      const { focus, values } = form.current();
      const field = fields[focus];
      if (!field) return;
      const letter = field.kind === 'choice' && event.text && !event.ctrl && !event.name ? `${field.id}:${event.text.toLowerCase()}` : undefined;
      const again = letter !== undefined && letter === lastLetter.current;
      lastLetter.current = letter;
      // The last input field counts as last when only buttons follow it.
      const last = fields.slice(focus + 1).every((f) => f.kind === 'button');
      if (event.ctrl && event.text === 's') return options.onSubmit(form.current().values);
      if (event.name === 'escape') {
        if (options.guardDiscard && !form.current().discardArmed && formChanged(fields, form)) return form.dispatch({ type: 'armDiscard', on: true });
        return options.onCancel?.();
      }
      // the key that came with an Esc (Alt-key) neither types nor undoes the Esc's warning
      if (event.glued && !event.name) return;
      if (form.current().discardArmed) form.dispatch({ type: 'armDiscard', on: false });
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
          // A first press picks the first match (r on rollback stays rollback, never roll-forward); again, the next.
          const at = again ? choices.indexOf(values[field.id] ?? '') : -1;
          const match = nextChoiceFor(choices, at, event.text);
          if (match < 0) return;
          const current = choices.indexOf(values[field.id] ?? '');
          form.dispatch({ type: 'cycle', field: field.id, choices, delta: match - current });
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
