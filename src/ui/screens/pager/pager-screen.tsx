// The full log of a finished run, a screenful at a time.
import { dirname, resolve } from 'node:path';
import { Box, Text } from 'ink';
import React from 'react';
import { useSessionTui } from '../../app/tui-context.js';
import { displayLine, formatBytes } from '../../format.js';
import { actionFor } from '../../keys/keymap.js';
import { useKeys } from '../../keys/use-keys.js';
import { color } from '../../theme.js';
import { usePager } from './use-pager.js';

export function PagerScreen({ runId, back, active }: { runId: string; back: 'main' | 'running'; active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, bodyRows } = tui;
  const run = state.runs[runId];
  const path = resolve(dirname(session.evidencePath), run?.log ?? '');
  const height = Math.max(1, bodyRows - 2);
  const { state: pager, move } = usePager(tui.services, path, height);

  useKeys(
    (event) => {
      const action = actionFor('pager', event);
      if (action === 'back') tui.go({ name: back });
      else if (action === 'help') tui.showHelp();
      else if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown' || action === 'top' || action === 'bottom') move(action);
    },
    { active },
  );

  const page = pager.page;
  const percent = page && page.size > 0 ? Math.round((page.end / page.size) * 100) : 100;
  return (
    <Box flexDirection="column" height={bodyRows}>
      <Text bold wrap="truncate">
        Log of {run ? `${run.section}/${run.item} (${runId})` : runId}: <Text dimColor>$ {run?.command ?? ''}</Text>
      </Text>
      <Box flexDirection="column" height={height} overflow="hidden">
        {pager.error ? (
          <Text color={color('red')}>cannot read the log: {pager.error}</Text>
        ) : page ? (
          page.lines.map((line, i) => (
            <Text key={i} wrap="truncate">
              {displayLine(line) || ' '}
            </Text>
          ))
        ) : (
          <Text dimColor>reading…</Text>
        )}
        {page && page.size === 0 ? <Text dimColor>(the log is empty)</Text> : null}
      </Box>
      <Text dimColor wrap="truncate">
        {page ? `${formatBytes(page.end)} of ${formatBytes(page.size)} (${percent}%)${page.end >= page.size ? ' · end' : ''}` : ' '}
      </Text>
    </Box>
  );
}
