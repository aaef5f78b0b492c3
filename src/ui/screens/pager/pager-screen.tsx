// The full log of a finished run, a screenful at a time.
import { dirname, resolve } from 'node:path';
import { Box, Text } from 'ink';
import React from 'react';
import { useSessionTui } from '../../app/tui-context.js';
import type { LogPage } from '../../app/tui-services.js';
import { displayLine, formatBytes, wrapExact } from '../../format.js';
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

  const page = pager.page;
  // Long lines wrap as in a terminal; the lines that no longer fit are the next page's first.
  const shown = page ? wrapPage(page, Math.max(10, tui.size.columns - 1), height) : undefined;
  const end = shown?.end ?? page?.end ?? 0;

  useKeys(
    (event) => {
      const action = actionFor('pager', event);
      if (action === 'back') tui.go({ name: back });
      else if (action === 'help') tui.showHelp();
      else if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown' || action === 'top' || action === 'bottom') move(action, end);
    },
    { active },
  );

  const percent = page && page.size > 0 ? Math.round((end / page.size) * 100) : 100;
  return (
    <Box flexDirection="column" height={bodyRows}>
      <Text bold wrap="truncate">
        Log of {run ? `${run.section}/${run.item} (${runId})` : runId}: <Text dimColor>$ {run?.command ?? ''}</Text>
      </Text>
      <Box flexDirection="column" height={height} overflow="hidden">
        {pager.error ? (
          <Text color={color('red')}>cannot read the log: {pager.error}</Text>
        ) : shown ? (
          shown.rows.map((row, i) => (
            <Text key={i} wrap="truncate">
              {row || ' '}
            </Text>
          ))
        ) : (
          <Text dimColor>reading…</Text>
        )}
        {page && page.size === 0 ? <Text dimColor>(the log is empty)</Text> : null}
      </Box>
      <Text dimColor wrap="truncate">
        {page ? `${formatBytes(end)} of ${formatBytes(page.size)} (${percent}%)${end >= page.size ? ' · end' : ''}` : ' '}
      </Text>
    </Box>
  );
}

/** The page's lines wrapped to `width`, as many whole lines as fit in `height` rows (the first one
 * always, cut if it alone is taller), and the byte offset where the lines shown end. */
export function wrapPage(page: LogPage, width: number, height: number): { rows: string[]; end: number } {
  const rows: string[] = [];
  for (let i = 0; i < page.lines.length; i++) {
    const wrapped = wrapExact(displayLine(page.lines[i] ?? ''), width);
    if (i > 0 && rows.length + wrapped.length > height) return { rows, end: page.offsets[i] ?? page.end };
    rows.push(...wrapped);
  }
  return { rows: rows.slice(0, height), end: page.end };
}
