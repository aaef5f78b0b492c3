// The home screen's lists, loaded after the first frame: checklists (bundled, then local) and
// unfinished sessions, most recent first.
import { useEffect, useState } from 'react';
import type { FoundChecklist, SessionSummary, TuiServices } from '../../app/tui-services.js';

export interface HomeLists {
  checklists?: FoundChecklist[];
  sessions?: SessionSummary[];
  error?: string;
}

export function useHomeLists(services: TuiServices): HomeLists {
  const [lists, setLists] = useState<HomeLists>({});
  useEffect(() => {
    let live = true;
    services
      .findChecklists()
      .then((checklists) => live && setLists((l) => ({ ...l, checklists })))
      .catch((error: Error) => live && setLists((l) => ({ ...l, checklists: [], error: error.message })));
    services
      .listSessions()
      .then((all) => live && setLists((l) => ({ ...l, sessions: all.filter((s) => !s.closed) })))
      .catch((error: Error) => live && setLists((l) => ({ ...l, sessions: [], error: error.message })));
    return () => {
      live = false;
    };
  }, [services]);
  return lists;
}
