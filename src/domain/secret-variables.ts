// Which checklist variables are secrets. Kept apart from session-variables (which needs the
// checklist schema, and so zod): the new-session form, on the TUI's first frame, asks this too.
import type { ChecklistVariable } from './checklist-schema.js';
import { isSecretEnvName } from './secret-patterns.js';

/** Declared secret, or named like one (db_password, api_token): never stored, redacted wherever it shows. */
export function isSecretVariable(variable: ChecklistVariable): boolean {
  return variable.secret || isSecretEnvName(variable.name);
}
