// Starting a command from the checklist, with the gates in front of it: a secret the resumed
// session lacks is asked for, a locked roll-forward asks for an override reason and for its
// requirements to be confirmed, a destructive item asks for its id to be typed. The command itself runs in the session (through the run
// controller), never in a component.
import type { ChecklistItem, ChecklistSection } from '../../../domain/checklist-schema.js';
import { useSessionTui } from '../../app/tui-context.js';
import type { RunKind } from '../../run/run-controller.js';
import { requirementsDialog } from './requirements-dialog.js';
import { missingSecretsOf, secretPrompt } from './secret-prompt.js';

export interface RunIntent {
  section: ChecklistSection;
  item: ChecklistItem;
  kind?: RunKind;
  command?: string;
}

export function useRunItem(): (intent: RunIntent) => void {
  const tui = useSessionTui();
  const { session, runs } = tui;

  const launch = (intent: RunIntent, confirm?: string): void => {
    const { section, item } = intent;
    const kind = intent.kind ?? (item.watch && intent.command === undefined ? 'watch' : 'check');
    try {
      runs.start({ kind, sectionId: section.id, itemId: item.id, title: item.title, command: intent.command, confirm });
      tui.say(''); // what the checklist said ("Enter again runs it…") is not about this run's screen
      tui.go({ name: 'running' });
    } catch (error) {
      tui.say(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  const confirmDestructive = (intent: RunIntent): void => {
    const { item } = intent;
    // A drill refuses destructive items unless allowed: let the session refuse and record it.
    if (!item.destructive || intent.kind === 'inject' || (session.mode === 'drill' && !session.allowDestructive)) return launch(intent);
    tui.openDialog({
      kind: 'prompt',
      title: `DESTRUCTIVE: ${item.title}`,
      // No placeholder: without color the id would look typed already, and Enter would refuse it.
      lines: [`Type the item id "${item.id}" to run it. Anything else runs nothing.`],
      onSubmit: (typed) => launch(intent, typed),
    });
  };

  const confirmRequirements = (intent: RunIntent): void => {
    if (intent.kind === 'inject' || !session.unconfirmedRequirements(intent.section.id).length) return confirmDestructive(intent);
    tui.openDialog(requirementsDialog(tui, session, intent.section, () => confirmDestructive(intent)));
  };

  const run = (intent: RunIntent): void => {
    if (runs.running) {
      tui.go({ name: 'running' });
      return;
    }
    // A secret of a resumed session that was not given again: ask for it here, rather than fail
    // the run and point at the command line (where the value would show in the shell's history).
    // The session renders the item's own command even when an edited one runs, and a drill's
    // armed fault before the check.
    const { item } = intent;
    const inject = intent.kind === 'inject' || session.armedFaults.has(item.id) ? item.drill?.inject : undefined;
    const [secret] = missingSecretsOf(session, [intent.kind === 'inject' ? undefined : item.run, inject]);
    if (secret) {
      const escape = `${item.id} uses it: Esc runs nothing.`;
      const onCancel = (): void => tui.say(`${item.id} not run: it needs ${secret.name}`, 'info');
      tui.openDialog(secretPrompt(tui, session, secret, { escape, then: () => run(intent), onCancel }));
      return;
    }
    const unmet = intent.kind === 'inject' ? [] : session.unmetRequirements(intent.section.id);
    if (unmet.length === 0) return confirmRequirements(intent);
    tui.openDialog({
      kind: 'prompt',
      title: `${intent.section.title} is locked`,
      lines: unmet.map((u) => `✗ ${u}`).concat('Type a reason to override (recorded in the evidence), or Esc.'),
      required: 'an override needs a reason',
      onSubmit: (reason) => {
        void tui.perform('recording the override', () => session.recordOverride(intent.section.id, reason.trim()), () => 'override recorded').then((r) => {
          if (r.ok) confirmRequirements(intent);
        });
      },
    });
  };
  return run;
}
