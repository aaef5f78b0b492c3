// A form's fields, one per line (label, then the value or the choice), scrolled around the
// focused field when the terminal is short (saying how many fields are out of sight), with the
// focused field's hint below.
import { Box, Text } from 'ink';
import React from 'react';
import { columnsOf } from '../../../domain/plain-text.js';
import { wrapText } from '../../format.js';
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
  // the marker (2), the label, and at least one space before the value
  const labelWidth = Math.min(Math.max(22, Math.floor(props.width * 0.33)), Math.max(8, ...fields.map((f) => columnsOf(f.label))) + 3);
  const focused = fields[state.focus];
  const focusedLabelCut = !!focused && focused.kind !== 'button' && columnsOf(focused.label) > labelWidth - 3;
  const room = props.height - (props.problem ? 1 : 0);
  // The hint gives way when keeping it would leave no line to say that fields are out of sight;
  // the warning that a second Esc drops what was typed never does.
  const fieldHint = focusedLabelCut ? [focused.label, focused.hint].filter(Boolean).join(': ') : focused?.hint;
  const hint = state.discardArmed ? DISCARD_WARNING : fieldHint && (room > fields.length || room >= 3) ? fieldHint : undefined;
  // what to type wraps onto the rows the fields leave (up to 3), rather than being cut
  const hintWidth = Math.max(10, props.width - labelWidth - 1);
  const hintLines = hint && !state.discardArmed ? wrapText(hint, hintWidth, Math.max(1, Math.min(3, room - fields.length))) : [];
  const spare = room - (state.discardArmed ? 1 : hintLines.length);
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
            <Box width={labelWidth} flexShrink={0} paddingRight={1}>
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
      ) : (
        hintLines.map((line, i) => (
          <Text key={`hint${i}`} dimColor wrap="truncate">
            {' '.repeat(labelWidth)}
            {line}
          </Text>
        ))
      )}
      {props.problem ? (
        <Text color={color('red')} bold wrap="truncate">
          {props.problem}
        </Text>
      ) : null}
    </Box>
  );
}
