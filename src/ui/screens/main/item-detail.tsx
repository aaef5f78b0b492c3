// Detail pane of the selected item, cut to the rows available.
import { Box, Text } from 'ink';
import React from 'react';
import { color } from '../../theme.js';
import type { DetailLine } from './detail-lines.js';

/** The lines that fit, the last row saying how many more there are when some do not. */
export function shownDetail(lines: DetailLine[], height: number): DetailLine[] {
  if (lines.length <= height) return lines;
  const hidden = lines.length - (height - 1);
  return [...lines.slice(0, Math.max(0, height - 1)), { text: `↓ ${hidden} more line${hidden === 1 ? '' : 's'} (a taller terminal shows them; the report has all)`, dim: true }];
}

export function ItemDetail({ lines, height }: { lines: DetailLine[]; height: number }): React.JSX.Element {
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {shownDetail(lines, height).map((line, i) => (
        <Text key={i} wrap="truncate" bold={line.bold} dimColor={line.dim} color={line.tone ? color(line.tone) : undefined}>
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
