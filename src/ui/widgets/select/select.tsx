// A vertical list showing a window of rows around the selected one, saying how many rows are
// hidden above and below. Each row's text is cut to the width; its `right` part (counts, status)
// always stays visible.
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

/** Says what a cut list hides: "↑ 2 ↓ 5 more". */
export function moreText(above: number, below: number): string {
  const parts = [above > 0 ? `↑ ${above}` : '', below > 0 ? `↓ ${below}` : ''].filter(Boolean);
  return parts.length ? `  ${parts.join(' ')} more` : ' ';
}

/**
 * Which rows a list of `count` shows in `height` rows, and where it says that more are hidden: a
 * marker line above and below when there are 3 rows or more, one line for both with 2, and with 1
 * the row's position ("3/9") beside the row itself. A cut list never looks complete.
 */
export function selectLayout(count: number, index: number, height: number): { start: number; end: number; markers: 'none' | 'both' | 'below' | 'position' } {
  if (count <= Math.max(1, height)) return { start: 0, end: count, markers: 'none' };
  const markers = height >= 3 ? 'both' : height === 2 ? 'below' : 'position';
  const { start, end } = listWindow(count, index, markers === 'both' ? height - 2 : 1);
  return { start, end, markers };
}

export function Select({ rows, index, height, focused, emptyText }: SelectProps): React.JSX.Element {
  if (rows.length === 0) return <Text dimColor>{emptyText ?? '(nothing here)'}</Text>;
  const { start, end, markers } = selectLayout(rows.length, index, height);
  const below = rows.length - end;
  return (
    <Box flexDirection="column">
      {markers === 'both' ? <Text dimColor>{moreText(start, 0)}</Text> : null}
      {rows.slice(start, end).map((row, offset) => {
        const selected = start + offset === index;
        const lit = selected && focused;
        const right = markers === 'position' ? [`${start + offset + 1}/${rows.length}`, row.right].filter(Boolean).join(' ') : row.right;
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
            {right ? (
              <Box flexShrink={0} marginLeft={1}>
                <Text dimColor={!lit && !row.rightTone && !row.rightBold} inverse={lit} bold={row.rightBold} color={row.rightTone && !lit ? color(row.rightTone) : undefined}>
                  {right}
                </Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
      {markers === 'both' ? <Text dimColor>{moreText(0, below)}</Text> : null}
      {markers === 'below' ? <Text dimColor>{moreText(start, below)}</Text> : null}
    </Box>
  );
}
