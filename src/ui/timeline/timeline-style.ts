// How a timeline entry's status looks. Overdue carries a `!` and bold, due is bold: the urgency
// reads without color (NO_COLOR) too.
import type { TimelineEntry, TimelineStatus } from '../../domain/timeline.js';
import type { ColorName } from '../theme.js';

export interface TimelineStyle {
  tone?: ColorName;
  bold: boolean;
  dim: boolean;
  /** "!" for overdue, else "". */
  mark: string;
  /** The label with its mark, e.g. "! overdue by 4m10s". */
  text: string;
}

const LOOK: Record<TimelineStatus, Omit<TimelineStyle, 'text' | 'mark'> & { prefix: string }> = {
  overdue: { tone: 'red', bold: true, dim: false, prefix: '! ' },
  due: { tone: 'yellow', bold: true, dim: false, prefix: '' },
  upcoming: { bold: false, dim: true, prefix: '' },
  done: { bold: false, dim: true, prefix: '' },
  'waiting-t0': { bold: false, dim: true, prefix: '' },
};

export function timelineStyle(entry: TimelineEntry): TimelineStyle {
  const { prefix, ...look } = LOOK[entry.status];
  return { ...look, mark: prefix.trim(), text: `${prefix}${entry.label}` };
}
