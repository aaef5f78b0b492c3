// A roll-forward's `requires.text` are judgements ("the root cause is fixed") that no check can
// make: the operator confirms them, by name, before the section's first command runs. Enter keeps
// them unconfirmed; only a typed y records the confirmation.
import type { ChecklistSection } from '../../../domain/checklist-schema.js';
import type { CutoverSession } from '../../../services/session.js';
import type { ConfirmDialog, Tui } from '../../app/tui-context.js';

export function requirementsDialog(tui: Tui, session: CutoverSession, section: ChecklistSection, then?: () => void): ConfirmDialog {
  const texts = session.unconfirmedRequirements(section.id);
  return {
    kind: 'confirm',
    title: `${section.title}: confirm before going on`,
    lines: [...texts.map((t) => `☐ ${t}`), `y records that ${session.operator} confirms ${texts.length === 1 ? 'it holds' : 'each of these holds'}.`],
    choices: [
      { key: 'n', label: 'not yet', onChoose: () => tui.say(`${section.title} still locked: nothing confirmed, nothing run`, 'info') },
      {
        key: 'y',
        label: 'confirm',
        onChoose: () => {
          void tui.perform('recording the confirmation', () => session.confirmRequirements(section.id), () => `${section.title}: requirements confirmed`).then((r) => {
            if (r.ok) then?.();
          });
        },
      },
    ],
  };
}
