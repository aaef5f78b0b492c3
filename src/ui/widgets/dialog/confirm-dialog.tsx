// A modal choice between a few keys, e.g. "y quit · f finish and quit · n stay"; the choices wrap
// onto more lines rather than being cut on a narrow terminal (see dialog-layout.ts).
import { Text } from 'ink';
import React from 'react';
import type { ConfirmDialog } from '../../app/tui-context.js';
import { useKeys } from '../../keys/use-keys.js';
import { color } from '../../theme.js';
import { DialogFrame } from './dialog-frame.js';
import type { DialogLayout } from './dialog-layout.js';

export function ConfirmDialogView({ dialog, layout, width, onClose }: { dialog: ConfirmDialog; layout: DialogLayout; width: number; onClose: () => void }): React.JSX.Element {
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
    <DialogFrame layout={layout} border={border} width={width}>
      {layout.choiceRows.map((row, r) => (
        <Text key={r} wrap="truncate">
          {row.map((piece, i) => (
            <Text key={i} dimColor={piece.index < 0}>
              {i > 0 ? '  ' : ''}
              {piece.key ? (
                <>
                  <Text bold color={piece.index < 0 ? undefined : color('cyan')}>
                    {piece.key}
                  </Text>{' '}
                </>
              ) : null}
              {piece.text}
            </Text>
          ))}
        </Text>
      ))}
    </DialogFrame>
  );
}
