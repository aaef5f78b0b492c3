// Main-view actions about the session rather than an item's result: notes, T0, roll-forward
// overrides, a new pass of a section, and the screens for incidents and the drill summary.
import type { ChecklistItem, ChecklistSection } from '../../../domain/checklist-schema.js';
import { currentPass } from '../../../domain/session-state.js';
import { useSessionTui } from '../../app/tui-context.js';
import type { Action } from '../../keys/keymap.js';
import { useMarkT0 } from '../use-mark-t0.js';
import { requirementsDialog } from './requirements-dialog.js';

export function useSessionCommands(): (action: Action, section?: ChecklistSection, item?: ChecklistItem) => void {
  const tui = useSessionTui();
  const { session, state } = tui;
  const markT0 = useMarkT0();

  const note = (section?: ChecklistSection, item?: ChecklistItem): void =>
    tui.openDialog({
      kind: 'prompt',
      title: item ? `Note on "${item.title}"` : 'Note',
      required: 'an empty note is not recorded',
      onSubmit: (text) => {
        void tui.perform('adding the note', () => session.addNote(text.trim(), section?.id, item?.id), () => 'note recorded');
      },
    });

  const override = (section?: ChecklistSection): void => {
    const unmet = section ? session.unmetRequirements(section.id) : [];
    if (section && !unmet.length && session.unconfirmedRequirements(section.id).length) {
      tui.openDialog(requirementsDialog(tui, session, section));
      return;
    }
    if (!section || !unmet.length) {
      tui.say(section?.kind === 'rollforward' ? 'nothing to override: this roll-forward is unlocked' : 'overrides apply to roll-forward sections', 'info');
      return;
    }
    tui.openDialog({
      kind: 'prompt',
      title: `Override: ${section.title}`,
      lines: unmet.map((u) => `✗ ${u}`),
      required: 'an override needs a reason',
      onSubmit: (reason) => {
        void tui.perform('recording the override', () => session.recordOverride(section.id, reason.trim()), () => `${section.title}: override recorded`).then((r) => {
          if (r.ok && session.unconfirmedRequirements(section.id).length) tui.openDialog(requirementsDialog(tui, session, section));
        });
      },
    });
  };

  const newPass = (section?: ChecklistSection): void => {
    if (!section) return;
    const next = currentPass(state, section.id) + 1;
    tui.openDialog({
      kind: 'prompt',
      title: `Run "${section.title}" again as pass ${next}`,
      lines: ['Earlier results stay in the evidence. Why a new pass?'],
      initial: '',
      required: 'a new pass needs a reason',
      onSubmit: (reason) => {
        void tui
          .perform(`starting pass ${next}`, () => session.startNewPass(section.id, reason.trim()), (pass) => `${section.title}: pass ${pass} started · Enter runs its first item`)
          .then((r) => {
            // A new pass starts from its first item, not wherever the cursor was in the last one.
            if (r.ok) tui.cursor.goTo(section.id, section.items[0]?.id);
          });
      },
    });
  };

  return (action, section, item) => {
    if (action === 'note') note(section, item);
    else if (action === 't0') markT0();
    else if (action === 'override') override(section);
    else if (action === 'newPass') newPass(section);
    else if (action === 'incidents') tui.go({ name: 'incidents' });
    else if (action === 'drillSummary') {
      if (session.mode === 'drill') tui.go({ name: 'drill-summary' });
      else tui.say('the drill summary compares drills: start one with cutover open --drill', 'info');
    }
  };
}
