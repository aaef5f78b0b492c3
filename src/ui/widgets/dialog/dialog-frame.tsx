// The frame every dialog shares, as laid out for the terminal by `dialogLayout`: a rounded box
// with a bold title and its explanatory lines, or on a short terminal a rule carrying the title
// over lines at full width.
import { Box, Text } from 'ink';
import React, { type ReactNode } from 'react';
import { columnsOf } from '../../../domain/plain-text.js';
import type { DialogLayout } from './dialog-layout.js';

function Rule({ title, border, width }: { title: string; border: string | undefined; width: number }): React.JSX.Element {
  const rest = Math.max(0, width - columnsOf(title) - 3);
  return (
    <Text wrap="truncate">
      <Text color={border}>─ </Text>
      <Text bold>{title}</Text>
      <Text color={border}>{` ${'─'.repeat(rest)}`}</Text>
    </Text>
  );
}

export function DialogFrame({ layout, border, width, children }: { layout: DialogLayout; border: string | undefined; width: number; children: ReactNode }): React.JSX.Element {
  const [first = '', ...more] = layout.title;
  const title = layout.framed ? layout.title : more;
  return (
    <Box flexDirection="column" flexShrink={0} width={width} {...(layout.framed ? { borderStyle: 'round', borderColor: border, paddingX: 1 } : {})}>
      {layout.framed ? null : <Rule title={first} border={border} width={width} />}
      {title.map((line, i) => (
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
