// The frame every dialog shares: a rounded border, a bold title and its explanatory lines.
import { Box, Text } from 'ink';
import React, { type ReactNode } from 'react';

export function DialogFrame({ title, lines, border, width, children }: { title: string; lines?: string[]; border: string | undefined; width: number; children: ReactNode }): React.JSX.Element {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1} width={width} flexShrink={0}>
      <Text bold wrap="truncate">
        {title}
      </Text>
      {(lines ?? []).map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      {children}
    </Box>
  );
}
