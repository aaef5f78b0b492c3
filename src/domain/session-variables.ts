// Resolving a session's variables: declared ones from flags/defaults, plus the builtins every
// command may use. Pure: the caller passes paths and identity in.
import type { Checklist } from './checklist-schema.js';
import { BUILTIN_VARIABLES } from './checklist-schema.js';
import { CutoverError, EXIT } from './errors.js';
import { isSecretVariable } from './secret-variables.js';
import { didYouMean } from './suggest.js';

export interface Builtins {
  ticket: string;
  env: string;
  operator: string;
  session: string;
  checklist_dir: string;
  evidence_dir: string;
}

/** Checks flags against the checklist's declared variables and fills defaults. */
export function resolveDeclaredVariables(checklist: Checklist, given: Record<string, string>): Record<string, string> {
  const declared = new Map(checklist.variables.map((v) => [v.name, v]));
  const unknown = Object.keys(given).filter((name) => !declared.has(name));
  if (unknown.length > 0) {
    const known = [...declared.keys()];
    throw new CutoverError(
      `unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `${name}${didYouMean(name, known)}`).join(', ')} for checklist ${checklist.id}`,
      EXIT.usage,
      known.length ? `declared variables: ${known.join(', ')}` : 'this checklist declares no variables',
    );
  }
  const values: Record<string, string> = {};
  const missing: Checklist['variables'] = [];
  for (const variable of checklist.variables) {
    const value = given[variable.name] ?? variable.default;
    if (value === undefined || (value === '' && variable.required)) {
      if (variable.required) missing.push(variable);
      else values[variable.name] = '';
      continue;
    }
    if (variable.pattern && !new RegExp(variable.pattern).test(value)) {
      throw new CutoverError(`variable ${variable.name}="${isSecretVariable(variable) ? '***' : value}" does not match ${variable.pattern}`, EXIT.usage);
    }
    values[variable.name] = value;
  }
  if (missing.length > 0) {
    throw new CutoverError(
      `missing required variable${missing.length > 1 ? 's' : ''}: ${missing.map((v) => v.name).join(', ')}`,
      EXIT.usage,
      varFlagsHint(missing, isSecretVariable),
    );
  }
  return values;
}

/**
 * How to give these variables: `--var name=...`, but a secret as a bare `--var name`, which reads
 * it from the environment and keeps it out of shell history and the process list.
 */
export function varFlagsHint<V extends { name: string }>(variables: readonly V[], isSecret: (v: V) => boolean, lead = 'pass'): string {
  const flags = variables.map((v) => (isSecret(v) ? `--var ${v.name}` : `--var ${v.name}=...`)).join(' ');
  const secrets = variables.filter(isSecret).map((v) => `$${v.name}`);
  return `${lead} ${flags}${secrets.length ? ` (a bare --var reads ${secrets.join(', ')} from the environment: set ${secrets.length > 1 ? 'them' : 'it'} there, out of shell history)` : ''}`;
}

/** What the evidence header records: secret values are never stored. */
export function recordableVariables(checklist: Checklist, values: Record<string, string>): Record<string, string> {
  const secret = new Set(checklist.variables.filter(isSecretVariable).map((v) => v.name));
  // An empty secret is recorded as empty: a resume then knows there is nothing to ask for.
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, secret.has(k) && v !== '' ? `[REDACTED:${k}]` : v]));
}

export function secretValues(checklist: Checklist, values: Record<string, string>): Array<{ name: string; value: string }> {
  return checklist.variables
    .filter((v) => isSecretVariable(v) && values[v.name])
    .map((v) => ({ name: v.name, value: values[v.name] as string }));
}

export function allVariables(values: Record<string, string>, builtins: Builtins): Record<string, string> {
  const merged: Record<string, string> = { ...values };
  for (const name of BUILTIN_VARIABLES) merged[name] = builtins[name];
  return merged;
}
