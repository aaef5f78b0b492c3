// Secret values a resumed session lacks (they are never stored in the evidence), and taking
// them again from the operator.
import type { ChecklistVariable } from '../domain/checklist-schema.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import { isSecretVariable } from '../domain/secret-variables.js';
import { sessionRedactor } from './session-open.js';
import type { CutoverSession } from './session.js';

export function missingSecrets(session: CutoverSession): ChecklistVariable[] {
  return session.checklist.variables.filter((v) => isSecretVariable(v) && session.variables[v.name] === undefined);
}

/** Used by commands from now on, and redacted like the others. */
export function provideSecret(session: CutoverSession, name: string, value: string): void {
  const variable = missingSecrets(session).find((v) => v.name === name);
  if (!variable) throw new CutoverError(`${name} is not a secret this session is missing`, EXIT.usage);
  if (!value) throw new CutoverError(`an empty value for ${name} is not kept`, EXIT.usage);
  if (variable.pattern && !new RegExp(variable.pattern).test(value)) throw new CutoverError(`the value given for ${name} does not match ${variable.pattern}`, EXIT.usage);
  session.variables[name] = value;
  session.redactor = sessionRedactor(session.checklist, session.variables);
}
