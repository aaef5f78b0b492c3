// A table with the ink-table props API (`data`, `columns`, `padding`) that fits `width`: columns
// shrink (widest first) and cells are cut with … instead of wrapping the layout apart. Written
// because @alcalzone/ink-table sizes columns to their longest cell and wraps under Ink 6; it also
// draws a rule between every row, which 24 lines cannot afford.
import { Box, Text } from 'ink';
import React from 'react';
import { color } from '../theme.js';
import { truncate } from '../format.js';
import { columnsOf } from '../../domain/plain-text.js';

type Scalar = string | number | boolean | null | undefined;
export type Row = Record<string, Scalar>;

export interface ColumnSpec<T extends Row> {
  key: keyof T & string;
  align?: 'left' | 'right';
  /** Header text; defaults to the key. */
  title?: string;
}

export interface TableProps<T extends Row> {
  data: T[];
  columns?: Array<(keyof T & string) | ColumnSpec<T>>;
  padding?: number;
  width: number;
  /** Row to highlight (the list cursor). */
  selected?: number;
  focused?: boolean;
}

const text = (value: Scalar): string => (value === null || value === undefined ? '' : String(value));

/** Column widths that fit `available`: the widest columns give up space first, none below 3. */
export function fitWidths(natural: number[], available: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) - available;
  while (excess > 0) {
    const widest = Math.max(...widths);
    if (widest <= 3) break;
    const i = widths.indexOf(widest);
    const second = Math.max(3, ...widths.filter((_, j) => j !== i));
    const cut = Math.min(excess, Math.max(1, widest - second));
    widths[i] = widest - cut;
    excess -= cut;
  }
  return widths;
}

export function Table<T extends Row>({ data, columns, padding = 1, width, selected, focused = true }: TableProps<T>): React.JSX.Element {
  const specs: ColumnSpec<T>[] = (columns ?? (Object.keys(data[0] ?? {}) as Array<keyof T & string>)).map((c) => (typeof c === 'string' ? { key: c } : c));
  const natural = specs.map((s) => Math.max(columnsOf(s.title ?? s.key), ...data.map((row) => columnsOf(text(row[s.key])))));
  const gap = padding * 2;
  const widths = fitWidths(natural, Math.max(specs.length * 3, width - 1 - gap * specs.length));
  const cell = (value: string, i: number): string => {
    const w = widths[i] ?? 3;
    const cut = truncate(value, w);
    const pad = ' '.repeat(Math.max(0, w - columnsOf(cut)));
    const body = specs[i]?.align === 'right' ? pad + cut : cut + pad;
    return ' '.repeat(padding) + body + ' '.repeat(padding);
  };
  const line = (values: string[]): string => values.map(cell).join('');
  return (
    <Box flexDirection="column">
      <Text bold color={color('blue')} wrap="truncate">
        {' '}
        {line(specs.map((s) => s.title ?? s.key))}
      </Text>
      {data.map((row, r) => (
        <Text key={r} wrap="truncate" inverse={r === selected && focused} bold={r === selected}>
          {r === selected ? '›' : ' '}
          {line(specs.map((s) => text(row[s.key])))}
        </Text>
      ))}
    </Box>
  );
}
