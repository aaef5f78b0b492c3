// Cursor over a list of `count` rows: moves clamp at the ends, and the index is re-clamped when
// the list shrinks.
import { useCallback, useRef, useState } from 'react';

export type SelectAction = { type: 'up' | 'down' | 'top' | 'bottom' } | { type: 'page'; delta: number } | { type: 'set'; index: number };

export function clampIndex(index: number, count: number): number {
  return count <= 0 ? 0 : Math.max(0, Math.min(count - 1, index));
}

export function selectReducer(index: number, count: number, action: SelectAction): number {
  switch (action.type) {
    case 'up':
      return clampIndex(index - 1, count);
    case 'down':
      return clampIndex(index + 1, count);
    case 'top':
      return 0;
    case 'bottom':
      return clampIndex(count - 1, count);
    case 'page':
      return clampIndex(index + action.delta, count);
    case 'set':
      return clampIndex(action.index, count);
  }
}

export interface SelectHandle {
  index: number;
  dispatch: (action: SelectAction) => number;
}

export function useSelectState(count: number, initial = 0): SelectHandle {
  const ref = useRef(clampIndex(initial, count));
  const [index, setIndex] = useState(ref.current);
  ref.current = clampIndex(ref.current, count);
  const dispatch = useCallback(
    (action: SelectAction) => {
      ref.current = selectReducer(ref.current, count, action);
      setIndex(ref.current);
      return ref.current;
    },
    [count],
  );
  return { index: clampIndex(index, count), dispatch };
}
