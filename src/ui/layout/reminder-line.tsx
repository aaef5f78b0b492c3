// The header's cutover-clock line: what is due or overdue on the timeline now, else what comes
// next. The title is cut to fit; the status always stays visible.
import { Box, Text } from 'ink';
import React from 'react';
import type { Checklist } from '../../domain/checklist-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import { color } from '../theme.js';
import { timelineStyle } from '../timeline/timeline-style.js';
import { useTimeline } from '../timeline/use-timeline.js';

export function ReminderLine({ checklist, state }: { checklist: Checklist; state: SessionState }): React.JSX.Element {
  const { entries, reminder, upcoming } = useTimeline(checklist, state);
  const entry = reminder ?? upcoming;
  if (!entry) {
    const done = entries.filter((e) => e.status === 'done').length;
    const text = done === entries.length ? `clock: all ${entries.length} timeline entries done` : `clock: ${entries.length - done} timeline entries wait for T0 (t marks it)`;
    return (
      <Text dimColor wrap="truncate">
        {text}
      </Text>
    );
  }
  const style = timelineStyle(entry);
  const moreOverdue = entries.filter((e) => e.status === 'overdue').length - 1;
  const tone = style.tone ? color(style.tone) : undefined;
  return (
    <Box>
      <Box flexShrink={1}>
        <Text wrap="truncate" bold={style.bold} dimColor={style.dim} color={tone}>
          {style.mark ? `${style.mark} ` : ''}next: {entry.at} {entry.title}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text bold={style.bold} dimColor={style.dim} color={tone}>
          {' — '}
          {entry.label}
          {moreOverdue > 0 ? ` (+${moreOverdue} more overdue)` : ''}
        </Text>
      </Box>
    </Box>
  );
}
