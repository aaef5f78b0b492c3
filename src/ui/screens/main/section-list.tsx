// Left pane: every section with its progress (done/total, failures) and its pass number.
import { Box, Text } from 'ink';
import React, { useMemo } from 'react';
import type { Checklist } from '../../../domain/checklist-schema.js';
import { sectionProgress, type Progress } from '../../../domain/progress.js';
import { currentPass, type SessionState } from '../../../domain/session-state.js';
import { color, type ColorName } from '../../theme.js';
import { Select, type SelectRow } from '../../widgets/select/select.js';

export function sectionMark(progress: Progress): { mark: string; tone?: ColorName } {
  if (progress.running) return { mark: '▶', tone: 'cyan' };
  if (progress.fail) return { mark: '✗', tone: 'red' };
  if (progress.total > 0 && progress.pending + progress.interrupted === 0) return { mark: '✓', tone: 'green' };
  if (progress.pass + progress.skip + progress.notRun > 0) return { mark: '◐' };
  return { mark: '·' };
}

function sectionRows(checklist: Checklist, state: SessionState, locked: (sectionId: string) => boolean): SelectRow[] {
  return checklist.sections.map((section) => {
    const progress = sectionProgress(checklist, state, section.id);
    const { mark, tone } = sectionMark(progress);
    const done = progress.total - progress.pending - progress.running - progress.interrupted;
    const pass = currentPass(state, section.id);
    return {
      key: section.id,
      text: (
        <Text>
          <Text color={tone ? color(tone) : undefined}>{mark}</Text> {section.title}
        </Text>
      ),
      right: `${done}/${progress.total}${progress.fail ? ` ✗${progress.fail}` : ''}${pass > 1 ? ` p${pass}` : ''}${locked(section.id) ? ' locked' : ''}`,
    };
  });
}

export function SectionList(props: {
  checklist: Checklist;
  state: SessionState;
  index: number;
  focused: boolean;
  height: number;
  locked: (sectionId: string) => boolean;
  /** The session's event count: the state object is updated in place, so this is what changes. */
  version: number;
}): React.JSX.Element {
  const { checklist, state, locked, version } = props;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => sectionRows(checklist, state, locked), [checklist, state, version]);
  return (
    <Box flexDirection="column">
      <Text bold color={props.focused ? color('cyan') : undefined}>
        {props.focused ? '▸ ' : '  '}Sections
      </Text>
      <Select rows={rows} index={props.index} height={props.height - 1} focused={props.focused} />
    </Box>
  );
}
