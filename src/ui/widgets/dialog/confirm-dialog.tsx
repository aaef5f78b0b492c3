// A modal choice between a few keys, e.g. "y quit · f finish and quit · n stay".
import { Box, Text } from 'ink';
import React from 'react';
import type { ConfirmDialog } from '../../app/tui-context.js';
import { useKeys } from '../../keys/use-keys.js';
import { color } from '../../theme.js';

export function ConfirmDialogView({ dialog, width, onClose }: { dialog: ConfirmDialog; width: number; onClose: () => void }): React.JSX.Element {
  useKeys((event) => {
    if (event.name === 'escape') {
      onClose();
      dialog.onCancel?.();
      return;
    }
    const choice = event.name === 'return' ? dialog.choices[0] : event.name || event.ctrl ? undefined : dialog.choices.find((c) => c.key === event.text.toLowerCase());
    if (!choice) return;
    onClose();
    choice.onChoose();
  });
  const border = dialog.tone === 'danger' ? color('red') : color('yellow');
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1} width={width} flexShrink={0}>
      <Text bold wrap="truncate">
        {dialog.title}
      </Text>
      {(dialog.lines ?? []).map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      <Text wrap="truncate">
        {dialog.choices.map((c, i) => (
          <Text key={c.key}>
            {i > 0 ? '  ' : ''}
            <Text bold color={color('cyan')}>
              {c.key}
            </Text>{' '}
            {c.label}
          </Text>
        ))}
        <Text dimColor>{'  Esc cancel'}</Text>
      </Text>
    </Box>
  );
}
