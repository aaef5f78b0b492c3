// The masked prompt for a secret variable a resumed session lacks (secrets are never stored in the
// evidence): offered once when the session opens, and again when an item that uses it is run.
import type { ChecklistVariable } from '../../../domain/checklist-schema.js';
import { placeholders } from '../../../domain/command-template.js';
import type { CutoverSession } from '../../../services/session.js';
import type { PromptDialog, Tui } from '../../app/tui-context.js';

export function secretPrompt(tui: Tui, session: CutoverSession, variable: ChecklistVariable, options: { escape: string; then?: () => void; onCancel?: () => void }): PromptDialog {
  return {
    kind: 'prompt',
    title: `Secret ${variable.name}: not stored in the evidence, type it again`,
    lines: [variable.description ?? '', options.escape].filter(Boolean),
    mask: true,
    required: `an empty ${variable.name} is not kept (Esc goes on without it)`,
    onSubmit: (value) => {
      try {
        session.provideSecret(variable.name, value);
        tui.say(`${variable.name} given: redacted from everything recorded`, 'ok');
        options.then?.();
      } catch (error) {
        tui.say(error instanceof Error ? error.message : String(error), 'error');
      }
    },
    onCancel: options.onCancel,
  };
}

/** The secrets these command templates use that this session has no value for. */
export function missingSecretsOf(session: CutoverSession, templates: Array<string | undefined>): ChecklistVariable[] {
  const used = new Set(templates.flatMap((template) => (template ? placeholders(template) : [])));
  return session.missingSecrets().filter((variable) => used.has(variable.name));
}
