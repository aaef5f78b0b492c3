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
