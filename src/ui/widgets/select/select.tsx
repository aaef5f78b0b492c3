// A vertical list showing a window of rows around the selected one, with "more" markers. Each
// row's text is cut to the width; its `right` part (counts, status) always stays visible.
import { Box, Text } from 'ink';
import React from 'react';
import { color, type ColorName } from '../../theme.js';

export interface SelectRow {
  key: string;
  text: React.ReactNode;
  right?: string;
  /** A `right` that must stand out (e.g. "! overdue"): drawn in this color and bold, not dimmed. */
  rightTone?: ColorName;
  rightBold?: boolean;
}

export interface SelectProps {
  rows: SelectRow[];
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
        const lit = selected && focused;
        return (
          <Box key={row.key}>
            <Box flexShrink={0} width={1}>
              <Text color={lit ? color('cyan') : undefined}>{selected ? '›' : ' '}</Text>
            </Box>
            <Box flexGrow={1} flexShrink={1}>
              <Text inverse={lit} bold={selected} wrap="truncate">
                {row.text}
              </Text>
            </Box>
            {row.right ? (
              <Box flexShrink={0} marginLeft={1}>
                <Text dimColor={!lit && !row.rightTone && !row.rightBold} inverse={lit} bold={row.rightBold} color={row.rightTone && !lit ? color(row.rightTone) : undefined}>
                  {row.right}
                </Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
      {roomy ? <Text dimColor>{end < rows.length ? `  ↓ ${rows.length - end} more` : ' '}</Text> : null}
    </Box>
  );
}
