// Left pane: every section with its progress (done/total, failures) and its pass number.
import { Box, Text } from 'ink';
import React, { useMemo } from 'react';
import type { Checklist } from '../../../domain/checklist-schema.js';
import { sectionProgress, type Progress } from '../../../domain/progress.js';
import { currentPass, type SessionState } from '../../../domain/session-state.js';
import { columnsOf } from '../../../domain/plain-text.js';
import { truncate } from '../../format.js';
import { color, type ColorName } from '../../theme.js';
import { Select, type SelectRow } from '../../widgets/select/select.js';

export function sectionMark(progress: Progress): { mark: string; tone?: ColorName } {
  if (progress.running) return { mark: '▶', tone: 'cyan' };
  // A run cut short by a crash needs a look before anything else in the section.
  if (progress.interrupted) return { mark: '!', tone: 'magenta' };
  if (progress.fail) return { mark: '✗', tone: 'red' };
  if (progress.total > 0 && progress.pending + progress.interrupted === 0) return { mark: '✓', tone: 'green' };
  if (progress.pass + progress.skip + progress.notRun > 0) return { mark: '◐' };
  return { mark: '·' };
}

/**
 * A section title cut to `width`. Imported runbooks name subsections "Parent / Child", and cut at
 * the end those all read "Parent / Ch…": the parent gives way first, so sections stay distinct.
 */
export function sectionTitle(title: string, width: number): string {
  if (columnsOf(title) <= width) return title;
  const parts = title.split(' / ');
  if (parts.length < 2) return title;
  const last = parts.at(-1) ?? '';
  const room = width - columnsOf(last) - 2;
  return room >= 4 ? `${truncate(parts.slice(0, -1).join(' / '), room)}/ ${last}` : `…/ ${last}`;
}

function sectionRows(checklist: Checklist, state: SessionState, locked: (sectionId: string) => boolean, width: number): SelectRow[] {
  return checklist.sections.map((section) => {
    const progress = sectionProgress(checklist, state, section.id);
    const { mark, tone } = sectionMark(progress);
    const done = progress.total - progress.pending - progress.running - progress.interrupted;
    const pass = currentPass(state, section.id);
    const right = `${done}/${progress.total}${progress.fail ? ` ✗${progress.fail}` : ''}${pass > 1 ? ` p${pass}` : ''}${locked(section.id) ? ' locked' : ''}`;
    // cursor, mark and its space, the gap before `right`
    const room = width - 4 - columnsOf(right);
    return {
      key: section.id,
      text: (
        <Text>
          <Text color={tone ? color(tone) : undefined}>{mark}</Text> {sectionTitle(section.title, room)}
        </Text>
      ),
      right,
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
  width: number;
}): React.JSX.Element {
  const { checklist, state, locked, version, width } = props;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => sectionRows(checklist, state, locked, width), [checklist, state, version, width]);
  return (
    <Box flexDirection="column">
      <Text bold color={props.focused ? color('cyan') : undefined}>
        {props.focused ? '▸ ' : '  '}Sections
      </Text>
      <Select rows={rows} index={props.index} height={props.height - 1} focused={props.focused} />
    </Box>
  );
}
