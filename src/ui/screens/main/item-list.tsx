// Items of the selected section with their status in the section's current pass.
import { Box, Text } from 'ink';
import React, { useMemo } from 'react';
import type { ChecklistSection } from '../../../domain/checklist-schema.js';
import { itemState } from '../../../domain/progress.js';
import { currentPass, type SessionState } from '../../../domain/session-state.js';
import type { TimelineEntry } from '../../../domain/timeline.js';
import { color, STATUS_MARK } from '../../theme.js';
import { timelineStyle } from '../../timeline/timeline-style.js';
import { Select, type SelectRow } from '../../widgets/select/select.js';

/** One row per item: its status mark, clock time, title, and on the right its clock status or "manual". */
function itemRows(section: ChecklistSection, state: SessionState, timeline: Map<string, TimelineEntry> | undefined): SelectRow[] {
  return section.items.map((item): SelectRow => {
    const entry = timeline?.get(`${section.id}/${item.id}`);
    const clock = entry ? timelineStyle(entry) : undefined;
    const status = itemState(state, section.id, item.id)?.status ?? 'pending';
    const mark = STATUS_MARK[status];
    return {
      key: item.id,
      text: (
        <Text>
          <Text color={color(mark.color)}>{mark.mark}</Text> {item.at ? <Text dimColor>{item.at} </Text> : null}
          {item.title}
          {item.destructive ? <Text color={color('red')}> [destructive]</Text> : null}
        </Text>
      ),
      right: clock?.text ?? (item.run ? undefined : 'manual'),
      rightTone: clock && !clock.dim ? clock.tone : undefined,
      rightBold: clock?.bold,
    };
  });
}

export function ItemList(props: {
  section: ChecklistSection;
  state: SessionState;
  index: number;
  focused: boolean;
  height: number;
  /** Shown before the title when the sections pane is hidden. */
  position?: string;
  /** Cutover-clock status of timeline items, keyed `section/item`. */
  timeline?: Map<string, TimelineEntry>;
}): React.JSX.Element {
  const { section, state, timeline } = props;
  const pass = currentPass(state, section.id);
  // Built again when the session records something (the state is updated in place: `lastSeq` is what
  // changes) or the clock ticks, not when the cursor moves.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => itemRows(section, state, timeline), [section, state, state.lastSeq, timeline]);
  // One row (a dialog takes the rest): the selected item, with its place in the list, not the title.
  if (props.height < 2) return <Select rows={rows} index={props.index} height={1} focused={props.focused} />;
  return (
    <Box flexDirection="column">
      <SectionHeading title={section.title} focused={props.focused} position={props.position} pass={pass} />
      <Select rows={rows} index={props.index} height={props.height - 1} focused={props.focused} emptyText="(no items in this section)" />
    </Box>
  );
}

/** The section's title above its items (or its text): a long title is cut; which pass this is, or `note`, stays visible. */
export function SectionHeading(props: { title: string; focused: boolean; position?: string; pass?: number; note?: string }): React.JSX.Element {
  const tone = props.focused ? color('cyan') : undefined;
  const tail = (props.pass ?? 1) > 1 ? ` — pass ${props.pass}` : '';
  return (
    <Box>
      <Box flexShrink={1}>
        <Text bold wrap="truncate" color={tone}>
          {props.focused ? '▸ ' : '  '}
          {props.position ? `${props.position} ` : ''}
          {props.title}
        </Text>
      </Box>
      {tail || props.note ? (
        <Box flexShrink={0}>
          <Text bold color={tone}>
            {tail}
          </Text>
          {props.note ? <Text dimColor>{props.note}</Text> : null}
        </Box>
      ) : null}
    </Box>
  );
}
