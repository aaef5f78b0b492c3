// The frame every dialog shares: a rounded border, a bold title and its explanatory lines, as laid
// out for the terminal by `dialogLayout`.
import { Box, Text } from 'ink';
import React, { type ReactNode } from 'react';
import type { DialogLayout } from './dialog-layout.js';

export function DialogFrame({ layout, border, width, children }: { layout: DialogLayout; border: string | undefined; width: number; children: ReactNode }): React.JSX.Element {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1} width={width} flexShrink={0}>
      {layout.title.map((line, i) => (
        <Text key={`t${i}`} bold wrap="truncate">
          {line}
        </Text>
      ))}
      {layout.lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line || ' '}
        </Text>
      ))}
      {children}
    </Box>
  );
}
