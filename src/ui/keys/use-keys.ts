// Subscribes a component to key events while `active`. The handler and the flag are read at
// dispatch time, so a closure from an earlier render never handles a key.
import { useLayoutEffect, useRef } from 'react';
import type { KeyEvent } from './key-event.js';
import { useKeyRegistry } from './key-router.js';

export function useKeys(handler: (event: KeyEvent) => void, options: { active?: boolean; ctrlC?: boolean } = {}): void {
  const registry = useKeyRegistry();
  const handlerRef = useRef(handler);
  const activeRef = useRef(options.active ?? true);
  useLayoutEffect(() => {
    handlerRef.current = handler;
    activeRef.current = options.active ?? true;
  });
  const ctrlC = options.ctrlC ?? false;
  useLayoutEffect(() => registry.add({ handler: handlerRef, active: activeRef, ctrlC }), [registry, ctrlC]);
}
