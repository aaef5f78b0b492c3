// The suggested command of an item as it would run, or why it cannot be rendered (a variable
// without a value, e.g. a secret not given again on resume). Screens never throw while drawing.
import type { CutoverSession } from '../services/session.js';

export function suggestedCommand(session: CutoverSession, sectionId: string, itemId: string): { command?: string; problem?: string } {
  try {
    return { command: session.renderCommand(sectionId, itemId) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The same, for the screen: secret values (declared secret variables, secret-looking environment
 * variables) shown as [REDACTED:name], as in the evidence. A screen may be shared on a bridge call.
 */
export function shownCommand(session: CutoverSession, sectionId: string, itemId: string): { command?: string; problem?: string } {
  const found = suggestedCommand(session, sectionId, itemId);
  return found.command === undefined ? found : { command: session.redactor.redact(found.command).text };
}
