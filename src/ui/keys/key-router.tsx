// The one stdin listener of the app. Handlers register in a layout effect (synchronously at
// commit), so a key that opens a dialog and the next key in the same read both land where the
// operator sees them: keys are dispatched one at a time, each after React has committed what the
// previous one changed.
import { useInput, type Key } from 'ink';
import React, { createContext, useCallback, useContext, useRef, type ReactNode } from 'react';
import { PasteCollector } from './bracketed-paste.js';
import { isCtrlC, toKeyEvents, type KeyEvent } from './key-event.js';

export interface KeyHandlerEntry {
  handler: { current: (event: KeyEvent) => void };
  active: { current: boolean };
  /** Receives Ctrl-C, which no other handler ever sees. */
  ctrlC: boolean;
}

export interface KeyRegistry {
  add(entry: KeyHandlerEntry): () => void;
}

const RegistryContext = createContext<KeyRegistry | undefined>(undefined);

export function useKeyRegistry(): KeyRegistry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useKeys needs a <KeyRouter> above it');
  return registry;
}

const PASTE_END_WAIT_MS = 1_000;

export function KeyRouter({ children }: { children: ReactNode }): React.JSX.Element {
  const entries = useRef(new Set<KeyHandlerEntry>());
  const queue = useRef<KeyEvent[]>([]);
  const draining = useRef(false);

  const dispatch = useCallback((event: KeyEvent) => {
    const ctrlC = isCtrlC(event);
    for (const entry of [...entries.current]) {
      if (entry.active.current && entry.ctrlC === ctrlC) entry.handler.current(event);
    }
  }, []);

  // After each key, the next waits for a timer: React (19, legacy root) renders what a key changed
  // from a task it queues with setImmediate *after* the key's handler returns, so a next key sent
  // with setImmediate would still see the old selection. Timers run after those tasks, but only
  // when the key came in the poll phase (a terminal's read): a key handled inside a timer callback
  // (a test's write) could see its 1 ms timer expire in the same timers phase, before React
  // rendered (an Esc closing a prompt, then the q of the same read landing on the closed prompt).
  // Going through setImmediate first puts the timer after React's task either way. Ink may emit
  // the keys of one read back to back in the same turn: those wait in the queue too.
  const drain = useCallback(() => {
    const next = queue.current.shift();
    if (!next) {
      draining.current = false;
      return;
    }
    dispatch(next);
    setImmediate(() => setTimeout(drain, 0));
  }, [dispatch]);

  const enqueue = useCallback(
    (events: KeyEvent[]) => {
      queue.current.push(...events);
      if (draining.current || queue.current.length === 0) return;
      draining.current = true;
      drain();
    },
    [drain],
  );

  // A paste whose end marker never comes (a terminal glitch) must not swallow every later key.
  const paste = useRef(new PasteCollector());
  const pasteTimer = useRef<NodeJS.Timeout | undefined>(undefined);
  const onInput = useCallback(
    (input: string, key: Key) => {
      const pasted = paste.current.take(input, key);
      clearTimeout(pasteTimer.current);
      if (paste.current.pasting) pasteTimer.current = setTimeout(() => enqueue(paste.current.end()), PASTE_END_WAIT_MS).unref();
      enqueue(pasted ?? toKeyEvents(input, key));
    },
    [enqueue],
  );
  useInput(onInput);

  const registry = useRef<KeyRegistry>({
    add(entry) {
      entries.current.add(entry);
      return () => entries.current.delete(entry);
    },
  });
  return <RegistryContext.Provider value={registry.current}>{children}</RegistryContext.Provider>;
}
