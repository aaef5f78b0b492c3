// Re-renders whenever the session appends an event. The store folds events into one state object
// in place, so a version number is what changes.
import { useEffect, useReducer } from 'react';
import type { SessionState } from '../../domain/session-state.js';
import type { CutoverSession } from '../../services/session.js';

export function useSessionVersion(session: CutoverSession | undefined): { state: SessionState | undefined; version: number } {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => session?.subscribe(() => bump()), [session]);
  return { state: session?.state, version };
}
