// A one-line text field: shows the value (masked for secrets) with a block cursor when focused,
// scrolled horizontally so the cursor stays visible in narrow terminals.
import { Text } from 'ink';
import React from 'react';
import type { TextInputState } from './use-text-input-state.js';

export interface TextInputProps {
  state: TextInputState;
  focused: boolean;
  mask?: boolean;
  placeholder?: string;
  /** Columns available for the value. */
  width?: number;
}

export function visibleWindow(value: string, cursor: number, width: number): { text: string; cursor: number } {
  if (value.length < width) return { text: value, cursor };
  const start = Math.max(0, Math.min(cursor - width + 1, value.length - width + 1));
  return { text: value.slice(start, start + width), cursor: cursor - start };
}

export function TextInput({ state, focused, mask, placeholder, width = 60 }: TextInputProps): React.JSX.Element {
  const shown = mask ? '•'.repeat(state.value.length) : state.value;
  if (!shown && !focused) return <Text dimColor>{placeholder ?? ''}</Text>;
  if (!focused) return <Text wrap="truncate">{shown}</Text>;
  const { text, cursor } = visibleWindow(shown, state.cursor, Math.max(4, width - 1));
  const at = text[cursor] ?? ' ';
  return (
    <Text wrap="truncate">
      {text.slice(0, cursor)}
      <Text inverse>{at}</Text>
      {text.slice(cursor + 1)}
      {!shown && placeholder ? <Text dimColor>{placeholder}</Text> : null}
    </Text>
  );
}
