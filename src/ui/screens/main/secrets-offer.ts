// A resumed session has no values for its secret variables (they are never stored): ask for each
// once, masked, as soon as the session is open. Esc goes on without it; the items that use it then
// say which flag to give.
import { useEffect, useRef } from 'react';
import { useSessionTui } from '../../app/tui-context.js';

export function SecretsOffer(): null {
  const tui = useSessionTui();
  const { session } = tui;
  const asked = useRef<object | undefined>(undefined);

  useEffect(() => {
    if (asked.current === session) return;
    asked.current = session;
    for (const variable of session.missingSecrets()) {
      tui.openDialog({
        kind: 'prompt',
        title: `Secret ${variable.name}: not stored in the evidence, type it again`,
        lines: [variable.description ?? '', 'Esc goes on without it: the items that use it will not run.'].filter(Boolean),
        mask: true,
        required: `an empty ${variable.name} is not kept (Esc goes on without it)`,
        onSubmit: (value) => {
          try {
            session.provideSecret(variable.name, value);
            tui.say(`${variable.name} given: redacted from everything recorded`, 'ok');
          } catch (error) {
            tui.say(error instanceof Error ? error.message : String(error), 'error');
          }
        },
      });
    }
  }, [session, tui]);

  return null;
}
