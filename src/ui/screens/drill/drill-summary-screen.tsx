// `D` in a drill: how long this drill took — in total, in the rollback, per section and per step —
// against the earlier drills of the same checklist in the evidence directory.
import { Box, Text } from 'ink';
import React, { useMemo } from 'react';
import { compareDrills, drillTimings } from '../../../domain/drill-timings.js';
import { useSessionTui } from '../../app/tui-context.js';
import { localDateTime, plural, wrapText } from '../../format.js';
import { actionFor } from '../../keys/keymap.js';
import { useKeys } from '../../keys/use-keys.js';
import { displayPath } from '../../paths.js';
import { color } from '../../theme.js';
import { Table } from '../../widgets/table.js';
import { useLineScroll } from '../../widgets/scroll/use-line-scroll.js';
import { findingsText, headline, summaryRows, type SummaryRow } from './drill-rows.js';
import { useDrillHistory, type DrillHistory } from './use-drill-history.js';

const COLUMNS: Array<{ key: keyof SummaryRow & string; title: string; align?: 'right' }> = [
  { key: 'step', title: 'step' },
  { key: 'now', title: 'this drill', align: 'right' },
  { key: 'last', title: 'last', align: 'right' },
  { key: 'best', title: 'best', align: 'right' },
  { key: 'median', title: 'median', align: 'right' },
  { key: 'vs', title: 'vs median' },
];

function historyText(history: DrillHistory, dir: string): { text: string; tone?: 'red' } {
  if (history.status === 'loading') return { text: 'loading earlier drills…' };
  if (history.status === 'error') return { text: `could not read earlier drills: ${history.error}`, tone: 'red' };
  const last = history.drills.at(-1);
  if (!last) return { text: `first drill of this checklist in ${dir}: nothing to compare with yet` };
  return { text: `against ${plural(history.drills.length, 'earlier drill')} (last ${localDateTime(last.startedAt)}, ${last.ticket}) in ${dir}` };
}

export function DrillSummaryScreen({ active }: { active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, version, size, bodyRows } = tui;
  const history = useDrillHistory(tui.services, session);
  const earlier = history.status === 'ready' ? history.drills : [];
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const current = useMemo(() => drillTimings(session.checklist, session.store.header, session.store.events), [session, version]);
  const compared = useMemo(() => compareDrills(current, earlier, session.checklist), [session.checklist, current, earlier]);
  const rows = useMemo(() => summaryRows(session.checklist, current, earlier, compared), [session.checklist, current, earlier, compared]);
  // wrapped, not cut: the last finding (time not counted while the session was closed) matters most
  // when comparing; up to 3 rows, fewer on a short terminal, so the table keeps 3; then, in up to 3
  // rows, why some times are not compared (earlier drills walked other steps)
  const findings = findingsText(current);
  const findingRows = findings ? wrapText(findings, size.columns, Math.max(1, Math.min(3, bodyRows - 7))) : [];
  const noteRows = compared.walkedNote ? wrapText(compared.walkedNote, size.columns, Math.max(1, Math.min(3, bodyRows - 7 - findingRows.length))) : [];
  const height = Math.max(1, bodyRows - 4 - findingRows.length - noteRows.length);
  const { top: first, scroll: scrollRows } = useLineScroll(rows.length, height);

  useKeys(
    (event) => {
      const action = actionFor('summary', event);
      if (action === 'back') {
        tui.go({ name: 'main' });
        // opened from the quit question ("summary first"): back is that question again
        if (tui.screen.name === 'drill-summary' && tui.screen.thenQuit) tui.requestQuit();
      }
      else if (action === 'help') tui.showHelp();
      else scrollRows(action);
    },
    { active },
  );

  const about = historyText(history, displayPath(session.evidenceDir));
  const scroll = rows.length > height ? ` (↑/↓: rows ${first + 1}-${Math.min(rows.length, first + height)} of ${rows.length})` : '';
  return (
    <Box flexDirection="column" height={bodyRows}>
      <Text bold color={color('cyan')} wrap="truncate">
        Drill summary{state.closed ? '' : ' (so far)'}
        {scroll}
      </Text>
      <Text wrap="truncate" color={about.tone ? color(about.tone) : undefined} dimColor={!about.tone}>
        {about.text}
      </Text>
      <Text bold wrap="truncate">
        {headline(current, earlier, compared)}
      </Text>
      {findingRows.map((line, i) => (
        <Text key={i} wrap="truncate" color={color('yellow')}>
          {line}
        </Text>
      ))}
      {noteRows.map((line, i) => (
        <Text key={`note-${i}`} wrap="truncate" dimColor>
          {line}
        </Text>
      ))}
      <Table data={rows.slice(first, first + height)} columns={COLUMNS} width={size.columns} />
    </Box>
  );
}
