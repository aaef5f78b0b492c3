// A vertical list showing a window of rows around the selected one, with "more" markers.
import { Box, Text } from 'ink';
import React from 'react';
import { color } from '../../theme.js';

export interface SelectProps {
  rows: React.ReactNode[];
  index: number;
  /** Rows available, including the "more" markers. */
  height: number;
  focused: boolean;
  emptyText?: string;
}

export function listWindow(count: number, index: number, height: number): { start: number; end: number } {
  const size = Math.max(1, height);
  if (count <= size) return { start: 0, end: count };
  const start = Math.max(0, Math.min(index - Math.floor(size / 2), count - size));
  return { start, end: start + size };
}

export function Select({ rows, index, height, focused, emptyText }: SelectProps): React.JSX.Element {
  if (rows.length === 0) return <Text dimColor>{emptyText ?? '(nothing here)'}</Text>;
  const roomy = height >= 3 && rows.length > height;
  const { start, end } = listWindow(rows.length, index, roomy ? height - 2 : height);
  return (
    <Box flexDirection="column">
      {roomy ? <Text dimColor>{start > 0 ? `  ↑ ${start} more` : ' '}</Text> : null}
      {rows.slice(start, end).map((row, offset) => {
        const selected = start + offset === index;
        return (
          <Box key={start + offset}>
            <Text color={selected && focused ? color('cyan') : undefined}>{selected ? '›' : ' '}</Text>
            <Text inverse={selected && focused} bold={selected} wrap="truncate">
              {row}
            </Text>
          </Box>
        );
      })}
      {roomy ? <Text dimColor>{end < rows.length ? `  ↓ ${rows.length - end} more` : ' '}</Text> : null}
    </Box>
  );
}
