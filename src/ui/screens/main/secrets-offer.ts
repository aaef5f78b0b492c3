// A resumed session has no values for its secret variables (they are never stored): ask for each
// once, masked, as soon as the session is open. Esc goes on without it; running an item that uses
// it asks again.
import { useEffect, useRef } from 'react';
import { useSessionTui } from '../../app/tui-context.js';
import { secretPrompt } from './secret-prompt.js';

export function SecretsOffer(): null {
  const tui = useSessionTui();
  const { session } = tui;
  const asked = useRef<object | undefined>(undefined);

  useEffect(() => {
    if (asked.current === session) return;
    asked.current = session;
    for (const variable of session.missingSecrets()) {
      tui.openDialog(secretPrompt(tui, session, variable, { escape: 'Esc goes on without it: an item that uses it asks again when it runs.' }));
    }
  }, [session, tui]);

  return null;
}
