// A modal choice between a few keys, e.g. "y quit · f finish and quit · n stay".
import { Text } from 'ink';
import React from 'react';
import type { ConfirmDialog } from '../../app/tui-context.js';
import { useKeys } from '../../keys/use-keys.js';
import { color } from '../../theme.js';
import { DialogFrame } from './dialog-frame.js';

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
    <DialogFrame title={dialog.title} lines={dialog.lines} border={border} width={width}>
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
    </DialogFrame>
  );
}
