// What the detail pane says about a destructive item: how it runs (or that this drill refuses it,
// and what the operator can do instead), and that a refused attempt ran nothing.
import type { ChecklistItem, ChecklistSection } from '../../../domain/checklist-schema.js';
import { lastDestructive } from '../../../domain/progress.js';
import type { SessionState } from '../../../domain/session-state.js';
import type { CutoverSession } from '../../../services/session.js';
import { clockTime, wrapText } from '../../format.js';
import type { DetailLine } from './detail-lines.js';

/** A drill refuses destructive items unless allowed: say that, and the way around it, instead of asking for a confirmation that will not come. */
export function destructiveLines(session: CutoverSession, width: number): DetailLine[] {
  const text =
    session.mode === 'drill' && !session.allowDestructive
      ? 'DESTRUCTIVE: refused in this drill · p/f/s mark it by hand · resume --allow-destructive runs it'
      : 'DESTRUCTIVE: type the item id to run it';
  return wrapText(text, width, 2).map((line) => ({ text: line, tone: 'red', bold: true }));
}

/** The item's last destructive attempt, when it was refused (nothing ran). */
export function refusedLine(state: SessionState, section: ChecklistSection, item: ChecklistItem): DetailLine | undefined {
  const last = lastDestructive(state, section.id, item.id);
  if (last?.outcome !== 'refused') return undefined;
  return { text: `✗ refused at ${clockTime(last.at)}, nothing ran: ${last.detail}`, tone: 'red' };
}
