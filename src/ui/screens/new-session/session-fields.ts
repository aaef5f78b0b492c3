// The fields of the new-session form, built from the checklist's variables, and their checks.
import type { Checklist } from '../../../domain/checklist-schema.js';
import { isSecretVariable } from '../../../domain/secret-variables.js';
import type { FormPrefill } from '../../app/screens.js';
import type { FieldSpec } from '../../widgets/form/use-form-state.js';

export const MODES = ['live', 'drill'];
const VAR = 'var:';

export function sessionFields(checklist: Checklist): FieldSpec[] {
  return [
    // No placeholders: without color (NO_COLOR, TERM=dumb) they read as values that are not there.
    { id: 'ticket', label: 'Ticket', hint: 'change or incident ticket id, e.g. CHG-1234' },
    { id: 'environment', label: 'Environment', hint: 'e.g. production, staging' },
    { id: 'operator', label: 'Operator', hint: 'who is at the keyboard (recorded with every event)' },
    { id: 'mode', label: 'Mode', kind: 'choice', choices: MODES, hint: '←/→ or Space: live, or drill (a rehearsal: DRILL banner, destructive items refused)' },
    ...checklist.variables.map((v): FieldSpec => {
      const secret = isSecretVariable(v);
      return {
        id: `${VAR}${v.name}`,
        label: v.name,
        mask: secret,
        hint: [v.description, secret ? 'secret: redacted from the evidence' : undefined, v.required ? 'required' : 'optional', v.pattern ? `must match ${v.pattern}` : undefined]
          .filter(Boolean)
          .join(' · '),
        // Used when left empty, and says so: without color a bare default reads as typed. A secret's is never shown.
        placeholder: v.default === undefined ? undefined : secret ? '(default set)' : `${v.default} (default)`,
      };
    }),
    { id: 'start', label: 'Start session', kind: 'button', hint: 'Enter starts (Ctrl-S from any field)' },
  ];
}

export function initialValues(checklist: Checklist, prefill: FormPrefill, login: string): Record<string, string> {
  const values: Record<string, string> = {
    ticket: prefill.ticket ?? '',
    environment: prefill.environment ?? '',
    operator: prefill.operator ?? login,
    mode: prefill.drill ? 'drill' : 'live',
  };
  for (const v of checklist.variables) values[`${VAR}${v.name}`] = prefill.variables?.[v.name] ?? v.default ?? '';
  return values;
}

/** The first problem with the values, and the field to focus to fix it. */
export function firstProblem(checklist: Checklist, fields: FieldSpec[], values: Record<string, string>): { message: string; focus: number } | undefined {
  const at = (id: string): number => Math.max(0, fields.findIndex((f) => f.id === id));
  for (const [id, name] of [['ticket', 'a ticket id'], ['environment', 'an environment'], ['operator', 'an operator name']] as const) {
    if (!values[id]?.trim()) return { message: `needs ${name}`, focus: at(id) };
  }
  for (const v of checklist.variables) {
    const value = values[`${VAR}${v.name}`] ?? '';
    if (v.required && !value) return { message: `variable ${v.name} is required${v.description ? `: ${v.description}` : ''}`, focus: at(`${VAR}${v.name}`) };
    if (value && v.pattern && !safeTest(v.pattern, value)) return { message: `variable ${v.name} must match ${v.pattern}`, focus: at(`${VAR}${v.name}`) };
  }
  return undefined;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return true; // the checklist validator reports bad patterns; the session checks again
  }
}

export function variablesOf(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith(VAR) && v !== '').map(([k, v]) => [k.slice(VAR.length), v]));
}

/** Focus the Start button when everything needed was given on the command line. */
export function initialFocus(checklist: Checklist, fields: FieldSpec[], values: Record<string, string>): number {
  const problem = firstProblem(checklist, fields, values);
  return problem ? problem.focus : fields.length - 1;
}
