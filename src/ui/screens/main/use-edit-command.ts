// `e`: edit the selected item's command, then run it. The prompt shows secret values as every
// screen does, [REDACTED:name], and puts them back into what is confirmed. A secret the resumed
// session lacks is asked for first, so that the prompt holds the command as it would run.
import type { ChecklistItem, ChecklistSection } from '../../../domain/checklist-schema.js';
import { useSessionTui } from '../../app/tui-context.js';
import { suggestedCommand } from '../../render-command.js';
import { maskCommand } from './masked-command.js';
import { missingSecretsOf, secretPrompt } from './secret-prompt.js';
import { useRunItem } from './use-run-item.js';

export function useEditCommand(): (section: ChecklistSection, item: ChecklistItem) => void {
  const tui = useSessionTui();
  const { session } = tui;
  const runItem = useRunItem();

  const edit = (section: ChecklistSection, item: ChecklistItem): void => {
    const [secret] = missingSecretsOf(session, [item.run]);
    if (secret) {
      const onCancel = (): void => tui.say(`not edited: the command uses ${secret.name}`, 'info');
      tui.openDialog(secretPrompt(tui, session, secret, { escape: 'The command uses it: Esc edits nothing.', then: () => edit(section, item), onCancel }));
      return;
    }
    const rendered = item.run ? (suggestedCommand(session, section.id, item.id).command ?? item.run) : '';
    const masked = maskCommand(rendered, (text) => session.redactor.redact(text).text);
    tui.openDialog({
      kind: 'prompt',
      title: `Edit the command for "${item.title}"`,
      lines: ['The edited command is what runs and what is recorded (marked as edited).'],
      initial: masked.shown,
      required: 'type a command, or Esc',
      onSubmit: (typed) => {
        const command = masked.restore(typed);
        if (command === undefined) return tui.say('not run: a [REDACTED:…] left in the edited command cannot be given its value back here; retype that part', 'error');
        runItem({ section, item, command });
      },
    });
  };
  return edit;
}
