// The one stdin listener of the app. Handlers register in a layout effect (synchronously at
// commit), so a key that opens a dialog and the next key in the same read both land where the
// operator sees them; the characters of one chunk are dispatched one per turn of the event loop,
// after React has committed the previous one.
import { useInput, type Key } from 'ink';
import React, { createContext, useCallback, useContext, useRef, type ReactNode } from 'react';
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

  const drain = useCallback(() => {
    const next = queue.current.shift();
    if (!next) {
      draining.current = false;
      return;
    }
    dispatch(next);
    setImmediate(drain);
  }, [dispatch]);

  const onInput = useCallback(
    (input: string, key: Key) => {
      queue.current.push(...toKeyEvents(input, key));
      if (draining.current) return;
      const first = queue.current.shift();
      if (!first) return;
      dispatch(first);
      if (queue.current.length > 0) {
        draining.current = true;
        setImmediate(drain);
      }
    },
    [dispatch, drain],
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
