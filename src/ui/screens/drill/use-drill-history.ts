// Earlier drills of the session's checklist, loaded once in the background: the screen draws at
// once with "loading earlier drills…" and never waits on the disk.
import { useEffect, useState } from 'react';
import type { DrillTimings } from '../../../domain/drill-timings.js';
import type { CutoverSession } from '../../../services/session.js';
import type { TuiServices } from '../../app/tui-services.js';
import { errorText } from '../../app/tui-context.js';

export type DrillHistory = { status: 'loading' } | { status: 'ready'; drills: DrillTimings[] } | { status: 'error'; error: string };

export function useDrillHistory(services: TuiServices, session: CutoverSession): DrillHistory {
  const [history, setHistory] = useState<DrillHistory>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setHistory({ status: 'loading' });
    const startedAt = session.store.header.createdAt;
    services.loadDrillHistory(session.evidenceDir, session.checklist.id, session.sessionId).then(
      // a resumed old drill is compared with the drills before it, not with later ones
      (drills) => live && setHistory({ status: 'ready', drills: drills.filter((d) => d.startedAt < startedAt) }),
      (error: unknown) => live && setHistory({ status: 'error', error: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [services, session]);
  return history;
}
