// p / f / s: mark the selected item, with an optional note (required when the item asks for
// evidence and nothing was run). A failure of an item with `onFail` offers to declare that severity.
import type { ChecklistItem, ChecklistSection } from '../../../domain/checklist-schema.js';
import type { ItemMark } from '../../../domain/events.js';
import { itemState } from '../../../domain/progress.js';
import { useSessionTui } from '../../app/tui-context.js';
import { truncate } from '../../format.js';

const WORD: Record<ItemMark, string> = { pass: 'pass', fail: 'fail', skip: 'skipped', 'not-run': 'not run' };

export function useMarkItem(onMarked: (status: ItemMark) => void): (section: ChecklistSection, item: ChecklistItem, status: ItemMark) => void {
  const tui = useSessionTui();
  const { session } = tui;

  const offerSeverity = (section: ChecklistSection, item: ChecklistItem): void => {
    const level = item.onFail;
    if (!level) return;
    const def = session.checklist.severity.levels.find((l) => l.id === level);
    tui.openDialog({
      kind: 'confirm',
      tone: 'danger',
      title: `${item.title} failed: declare ${level}${def ? ` (${def.title})` : ''}?`,
      lines: def?.criteria.slice(0, 3).map((c) => `• ${c}`),
      choices: [
        { key: 'y', label: `declare ${level}`, onChoose: () => tui.go({ name: 'triage', preset: { severity: level, title: `${item.title} failed`, section: section.id, item: item.id } }) },
        { key: 'n', label: 'not now', onChoose: () => undefined },
      ],
    });
  };

  return (section, item, status) => {
    const ran = !!itemState(session.state, section.id, item.id)?.lastRunId;
    const needsNote = item.evidence && !ran && status !== 'skip';
    // The title is cut, never the word that says what the mark is.
    const room = tui.size.columns - 4 - `Mark "" ${WORD[status]}`.length;
    tui.openDialog({
      kind: 'prompt',
      title: `Mark "${truncate(item.title, Math.max(3, room))}" ${WORD[status]}`,
      lines: [needsNote ? 'This item needs evidence: write what you saw (link, output, who confirmed).' : 'Note (optional): Enter to record, Esc to cancel.'],
      required: needsNote ? 'evidence required: write a note' : undefined,
      onSubmit: (note) => {
        void tui
          .perform(`marking ${item.id} ${WORD[status]}`, () => session.markItem(section.id, item.id, status, note.trim()), () => `${item.id} marked ${WORD[status]}`)
          .then((result) => {
            if (!result.ok) return;
            onMarked(status);
            if (status === 'fail') offerSeverity(section, item);
          });
      },
    });
  };
}

export { WORD as MARK_WORD };
