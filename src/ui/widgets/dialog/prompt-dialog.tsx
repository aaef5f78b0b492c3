// A modal question with a one-line answer: Enter submits, Esc cancels.
import { Box, Text } from 'ink';
import React, { useEffect, useState } from 'react';
import type { PromptDialog } from '../../app/tui-context.js';
import { color } from '../../theme.js';
import { DialogFrame } from './dialog-frame.js';
import type { DialogLayout } from './dialog-layout.js';
import { TextInput } from '../text-input/text-input.js';
import { useTextInput } from '../text-input/use-text-input.js';
import { useTextInputState } from '../text-input/use-text-input-state.js';

// What was typed into a prompt that another dialog (the quit question after a Ctrl-C) covers for a
// while: the covered prompt is unmounted, and comes back with the text, not empty.
const drafts = new WeakMap<PromptDialog, string>();

/** Text typed into an open prompt and not submitted: what quitting now would lose. */
export function unsubmittedText(dialog: PromptDialog): string {
  const typed = drafts.get(dialog) ?? '';
  return typed.trim() && typed !== (dialog.initial ?? '') ? typed : '';
}

export function PromptDialogView({ dialog, layout, width, onClose }: { dialog: PromptDialog; layout: DialogLayout; width: number; onClose: () => void }): React.JSX.Element {
  const input = useTextInputState(drafts.get(dialog) ?? dialog.initial ?? '');
  useEffect(() => {
    drafts.set(dialog, input.state.value);
  }, [dialog, input.state.value]);
  const [problem, setProblem] = useState<string>();
  useTextInput(input, {
    active: true,
    onSubmit: (value) => {
      const problem = dialog.required && !value.trim() ? dialog.required : value.trim() ? dialog.check?.(value) : undefined;
      if (problem) {
        setProblem(problem);
        return;
      }
      onClose();
      dialog.onSubmit(value);
    },
    onOther: (event) => {
      if (event.name === 'escape') {
        if (event.glued && input.current().trim()) return setProblem('Esc came with another key (Alt?): the text is kept; Esc alone cancels');
        onClose();
        dialog.onCancel?.();
      }
    },
  });
  return (
    <DialogFrame layout={layout} border={color('cyan')} width={width}>
      <Box>
        <Text color={color('cyan')}>› </Text>
        <TextInput state={input.state} focused mask={dialog.mask} placeholder={dialog.placeholder} width={width - (layout.framed ? 6 : 2)} />
      </Box>
      {problem && layout.problemRow ? <Text color={color('red')}>{problem}</Text> : null}
      {/* Without a line of its own, a problem leads the key line: the footer still shows the keys. */}
      <Text wrap="truncate">
        {problem && !layout.problemRow ? <Text color={color('red')}>{problem} · </Text> : null}
        <Text dimColor>Enter confirm · Esc cancel</Text>
      </Text>
    </DialogFrame>
  );
}
