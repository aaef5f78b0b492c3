// A form's fields, one per line (label, then the value or the choice), scrolled around the
// focused field when the terminal is short (saying how many fields are out of sight), with the
// focused field's hint below.
import { Box, Text } from 'ink';
import React from 'react';
import { color } from '../../theme.js';
import { moreText, selectLayout } from '../select/select.js';
import { TextInput } from '../text-input/text-input.js';
import { choiceWindow } from './choice-window.js';
import type { FieldSpec, FormState } from './use-form-state.js';

export const DISCARD_WARNING = 'Not recorded yet: Esc again drops what you typed · Ctrl-S records it';

function ChoiceRow({ choices, value, focused, width }: { choices: readonly string[]; value: string; focused: boolean; width: number }): React.JSX.Element {
  const shown = choiceWindow(choices, value, width);
  return (
    <Text wrap="truncate">
      {shown.before ? <Text dimColor>… </Text> : null}
      {choices.slice(shown.start, shown.end).map((c, i) => (
        <Text key={c}>
          {i > 0 ? ' ' : ''}
          <Text inverse={c === value && focused} bold={c === value} dimColor={c !== value}>
            {c === value ? `[${c}]` : c}
          </Text>
        </Text>
      ))}
      {shown.after ? <Text dimColor> …</Text> : null}
    </Text>
  );
}

export function Form(props: { fields: FieldSpec[]; state: FormState; height: number; width: number; problem?: string }): React.JSX.Element {
  const { fields, state } = props;
  const labelWidth = Math.min(22, Math.max(8, ...fields.map((f) => f.label.length)) + 3);
  const focused = fields[state.focus];
  const room = props.height - (props.problem ? 1 : 0);
  // The hint gives way when keeping it would leave no line to say that fields are out of sight;
  // the warning that a second Esc drops what was typed never does.
  const hint = state.discardArmed ? DISCARD_WARNING : focused?.hint && (room > fields.length || room >= 3) ? focused.hint : undefined;
  const spare = room - (hint ? 1 : 0);
  const { start, end, markers } = selectLayout(fields.length, state.focus, Math.max(1, spare));
  return (
    <Box flexDirection="column">
      {markers === 'both' ? <Text dimColor>{moreText(start, 0)}</Text> : null}
      {fields.slice(start, end).map((field, offset) => {
        const index = start + offset;
        const isFocused = index === state.focus;
        const value = state.values[field.id] ?? '';
        if (field.kind === 'button') {
          return (
            <Box key={field.id} marginLeft={labelWidth}>
              <Text inverse={isFocused} bold color={isFocused ? color('green') : undefined}>
                {` ${field.label} `}
              </Text>
              {isFocused ? <Text dimColor> ← Enter</Text> : null}
            </Box>
          );
        }
        return (
          <Box key={field.id}>
            <Box width={labelWidth} flexShrink={0}>
              <Text color={isFocused ? color('cyan') : undefined} bold={isFocused} wrap="truncate">
                {isFocused ? '› ' : '  '}
                {field.label}
              </Text>
            </Box>
            {field.kind === 'choice' ? (
              <ChoiceRow choices={field.choices ?? []} value={value} focused={isFocused} width={Math.max(8, props.width - labelWidth)} />
            ) : (
              <TextInput
                state={{ value, cursor: state.cursors[field.id] ?? value.length }}
                focused={isFocused}
                mask={field.mask}
                placeholder={field.placeholder}
                width={Math.max(8, props.width - labelWidth - 1)}
              />
            )}
          </Box>
        );
      })}
      {markers === 'both' || markers === 'below' ? <Text dimColor>{moreText(markers === 'below' ? start : 0, fields.length - end)}</Text> : null}
      {state.discardArmed ? (
        <Text color={color('yellow')} bold wrap="truncate">
          {DISCARD_WARNING}
        </Text>
      ) : hint ? (
        <Text dimColor wrap="truncate">
          {' '.repeat(labelWidth)}
          {hint}
        </Text>
      ) : null}
      {props.problem ? (
        <Text color={color('red')} bold wrap="truncate">
          {props.problem}
        </Text>
      ) : null}
    </Box>
  );
}
