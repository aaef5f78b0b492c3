// Paging through a run log by byte offset: only the lines on screen are read, so a huge log
// costs one window of memory. Requests that arrive out of order are ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogPage, TuiServices } from '../../app/tui-services.js';

export interface PagerState {
  page?: LogPage;
  top: number;
  error?: string;
}

export type PagerMove = 'down' | 'up' | 'pageDown' | 'pageUp' | 'top' | 'bottom';

export function usePager(services: TuiServices, path: string, height: number): { state: PagerState; move: (m: PagerMove, shownEnd?: number) => void } {
  const [state, setState] = useState<PagerState>({ top: 0 });
  const request = useRef(0);
  const current = useRef(state);
  current.current = state;

  const load = useCallback(
    async (top: number | ((page: LogPage | undefined) => Promise<number>)) => {
      const id = ++request.current;
      try {
        const from = typeof top === 'number' ? top : await top(current.current.page);
        const page = await services.readLogLines(path, from, height);
        if (id === request.current) setState({ page, top: from });
      } catch (error) {
        if (id === request.current) setState((s) => ({ ...s, error: (error as Error).message }));
      }
    },
    [services, path, height],
  );

  useEffect(() => {
    void load(current.current.top);
  }, [load]);

  /** `shownEnd`: where the lines drawn end, when wrapping left some of the page off screen. */
  const move = (m: PagerMove, shownEnd?: number): void => {
    const { page, top } = current.current;
    if (!page) return;
    const end = shownEnd ?? page.end;
    const atEnd = end >= page.size;
    switch (m) {
      case 'down':
        if (!atEnd && page.offsets[1] !== undefined) void load(page.offsets[1]);
        return;
      case 'pageDown':
        if (!atEnd) void load(end);
        return;
      case 'up':
        if (top > 0) void load(() => services.logLineStartBefore(path, top, 1));
        return;
      case 'pageUp':
        if (top > 0) void load(() => services.logLineStartBefore(path, top, height));
        return;
      case 'top':
        void load(0);
        return;
      case 'bottom':
        void load((p) => services.logLineStartBefore(path, p?.size ?? 0, height));
        return;
    }
  };
  return { state, move };
}
