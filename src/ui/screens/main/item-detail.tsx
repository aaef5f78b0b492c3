// Detail pane of the selected item, cut to the rows available.
import { Box, Text } from 'ink';
import React from 'react';
import { color } from '../../theme.js';
import type { DetailLine } from './detail-lines.js';

export function ItemDetail({ lines, height }: { lines: DetailLine[]; height: number }): React.JSX.Element {
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {lines.slice(0, height).map((line, i) => (
        <Text key={i} wrap="truncate" bold={line.bold} dimColor={line.dim} color={line.tone ? color(line.tone) : undefined}>
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
