// `?`: every key of the current screen, then the keys that work everywhere. Scrolls when the
// terminal is short; Esc, q or ? closes it. A running command keeps running meanwhile.
import { Box, Text } from 'ink';
import React, { useState } from 'react';
import { FORM_KEYS, GLOBAL_KEYS, KEYMAP, type Action, type Scope } from '../keys/keymap.js';
import { useKeys } from '../keys/use-keys.js';
import { color } from '../theme.js';

interface Row {
  label: string;
  help: string;
  heading?: boolean;
}

export function helpRows(scope: Scope | 'form', hide: readonly Action[] = []): Row[] {
  const own = scope === 'form' ? FORM_KEYS : KEYMAP[scope].filter((b) => !hide.includes(b.action)).map((b) => ({ label: b.label, help: b.help }));
  return [
    { label: '', help: scope === 'form' ? 'In this form' : 'On this screen', heading: true },
    ...own,
    { label: '', help: 'Everywhere', heading: true },
    ...GLOBAL_KEYS,
    { label: '?', help: 'this help (Esc, q or ? closes it)' },
    { label: '', help: 'Text fields take every key as text; Esc leaves them.', heading: true },
  ];
}

export function HelpScreen({ scope, hide, rows, onClose }: { scope: Scope | 'form'; hide?: readonly Action[]; rows: number; onClose: () => void }): React.JSX.Element {
  const all = helpRows(scope, hide);
  const [top, setTop] = useState(0);
  const height = Math.max(1, rows - 1);
  const maxTop = Math.max(0, all.length - height);
  useKeys((event) => {
    if (event.name === 'escape' || event.text === 'q' || event.text === '?') onClose();
    else if (event.name === 'down' || event.text === 'j') setTop((t) => Math.min(maxTop, t + 1));
    else if (event.name === 'up' || event.text === 'k') setTop((t) => Math.max(0, t - 1));
    else if (event.name === 'pagedown' || event.text === ' ') setTop((t) => Math.min(maxTop, t + height));
    else if (event.name === 'pageup') setTop((t) => Math.max(0, t - height));
  });
  const width = Math.max(...all.map((r) => r.label.length), 6) + 2;
  return (
    <Box flexDirection="column">
      <Text bold color={color('cyan')}>
        Help — keys{all.length > height ? ` (↑/↓ scroll, ${top + 1}-${Math.min(all.length, top + height)} of ${all.length})` : ''}
      </Text>
      {all.slice(top, top + height).map((row, i) =>
        row.heading ? (
          <Text key={i} bold underline={false} wrap="truncate">
            {row.help}
          </Text>
        ) : (
          <Box key={i}>
            <Box width={width} flexShrink={0}>
              <Text color={color('cyan')}>{row.label}</Text>
            </Box>
            <Text wrap="truncate">{row.help}</Text>
          </Box>
        ),
      )}
    </Box>
  );
}
