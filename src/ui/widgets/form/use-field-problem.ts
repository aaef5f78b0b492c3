// What is wrong with a form after a try to submit it. A problem with one field ("an incident needs
// a title") is told until that field is edited: then it no longer describes the form. A problem
// of the whole form (the session could not start) stays until the next try.
import { useState } from 'react';
import type { FormHandle } from './use-form-state.js';

interface Problem {
  message: string;
  field?: string;
  /** The field's value when the problem was told. */
  value?: string;
}

export interface FieldProblem {
  /** The message to show now, if any. */
  problem: string | undefined;
  /** Tells `message` about `field` (or the whole form); undefined clears it. */
  tell(message: string | undefined, field?: string): void;
}

export function useFieldProblem(form: FormHandle): FieldProblem {
  const [problem, setProblem] = useState<Problem>();
  const shown = problem && (problem.field === undefined || (form.state.values[problem.field] ?? '') === problem.value) ? problem.message : undefined;
  const tell = (message: string | undefined, field?: string): void =>
    setProblem(message === undefined ? undefined : { message, field, value: field === undefined ? undefined : (form.current().values[field] ?? '') });
  return { problem: shown, tell };
}
