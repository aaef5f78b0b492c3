// A one-line text field: shows the value (masked for secrets) with a block cursor when focused,
// scrolled horizontally so the cursor stays visible in narrow terminals (measured in columns: a
// wide character takes two).
import { Text } from 'ink';
import React from 'react';
import { characters, columnsOf } from '../../../domain/plain-text.js';
import type { TextInputState } from './use-text-input-state.js';

export interface TextInputProps {
  state: TextInputState;
  focused: boolean;
  mask?: boolean;
  placeholder?: string;
  /** Columns available for the value. */
  width?: number;
}

/**
 * The part of `value` shown in `width` columns with the cursor (a UTF-16 offset at a character's
 * start) in sight, and the cursor's offset in it. Wide characters take two columns. A side cut off
 * shows `…`: a command scrolled to its end must not read as the whole command.
 */
export function visibleWindow(value: string, cursor: number, width: number): { text: string; cursor: number } {
  if (columnsOf(value) < width) return { text: value, cursor };
  const chars = characters(value);
  const shown = windowAround(chars, cursor, Math.max(2, width - 2));
  const before = shown.start > 0 ? '…' : '';
  const after = shown.end < chars.length ? '…' : '';
  return { text: `${before}${shown.text}${after}`, cursor: shown.cursor + before.length };
}

function windowAround(chars: string[], cursor: number, width: number): { text: string; cursor: number; start: number; end: number } {
  const offsets: number[] = [];
  let at = 0;
  for (const ch of chars) {
    offsets.push(at);
    at += ch.length;
  }
  // the character under the cursor (or the cell after the end) must be in sight
  const found = offsets.indexOf(cursor);
  const index = found < 0 ? chars.length : found;
  let start = index;
  let used = columnsOf(chars[index] ?? ' ');
  while (start > 0 && used + columnsOf(chars[start - 1] as string) <= width) used += columnsOf(chars[--start] as string);
  let end = index + 1;
  while (end < chars.length && used + columnsOf(chars[end] as string) <= width) used += columnsOf(chars[end++] as string);
  return { text: chars.slice(start, Math.min(end, chars.length)).join(''), cursor: cursor - (offsets[start] ?? cursor), start, end: Math.min(end, chars.length) };
}

export function TextInput({ state, focused, mask, placeholder, width = 60 }: TextInputProps): React.JSX.Element {
  const shown = mask ? '•'.repeat(state.value.length) : state.value;
  if (!shown && !focused) return <Text dimColor>{placeholder ?? ''}</Text>;
  if (!focused) return <Text wrap="truncate">{shown}</Text>;
  const { text, cursor } = visibleWindow(shown, state.cursor, Math.max(4, width - 1));
  const at = characters(text.slice(cursor))[0] ?? '';
  return (
    <Text wrap="truncate">
      {text.slice(0, cursor)}
      <Text inverse>{at || ' '}</Text>
      {text.slice(cursor + at.length)}
      {!shown && placeholder ? <Text dimColor>{placeholder}</Text> : null}
    </Text>
  );
}
