// Scrolling lines shown `height` at a time: ↑/↓ a line, PgUp/PgDn a page, top and bottom. The
// help screen and the drill summary share it; the section text steps with `scrollStep`.
import { useState } from 'react';

const STEPS: Record<string, (page: number) => number> = {
  up: () => -1,
  down: () => 1,
  pageUp: (page) => -page,
  pageDown: (page) => page,
  top: () => -Infinity,
  bottom: () => Infinity,
};

/** How far a key action moves, in lines (a page being `page` lines); undefined for other actions. */
export function scrollStep(action: string | undefined, page: number): number | undefined {
  const step = action === undefined ? undefined : STEPS[action];
  return step?.(Math.max(1, page));
}

/** The first line shown, kept within the lines (a resize can leave fewer to scroll through), and a key action that moves it. */
export function useLineScroll(total: number, height: number): { top: number; scroll: (action: string | undefined) => boolean } {
  const [wanted, setWanted] = useState(0);
  const maxTop = Math.max(0, total - Math.max(1, height));
  const top = Math.min(wanted, maxTop);
  const scroll = (action: string | undefined): boolean => {
    const step = scrollStep(action, height);
    if (step === undefined) return false;
    setWanted(Math.max(0, Math.min(maxTop, top + step)));
    return true;
  };
  return { top, scroll };
}
