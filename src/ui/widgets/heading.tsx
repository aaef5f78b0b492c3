// A screen's heading that says what happens next: wrapped onto the rows the screen can spare
// (up to `maxRows`) rather than cut after one line, and ended with … only when even those are too few.
import { Text } from 'ink';
import React from 'react';
import { wrapText } from '../format.js';

const lineWidth = (width: number): number => Math.max(10, width - 1);

/** The rows `text` takes wrapped whole at `width`. */
export function headingRows(text: string, width: number): number {
  return wrapText(text, lineWidth(width)).length;
}

export function Heading({ text, width, maxRows, tone }: { text: string; width: number; maxRows: number; tone?: string }): React.JSX.Element {
  const lines = wrapText(text, lineWidth(width), Math.max(1, maxRows));
  return (
    <>
      {lines.map((line, i) => (
        <Text key={i} bold color={tone} wrap="truncate">
          {line}
        </Text>
      ))}
    </>
  );
}
