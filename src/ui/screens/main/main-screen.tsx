// The main view: sections with progress, the items of the selected one, and the selected item's
// detail. Narrow terminals drop the sections pane (←/→ then switch sections); short ones drop
// the detail pane.
import { Box, Text } from 'ink';
import React, { useLayoutEffect, useRef } from 'react';
import { useSessionTui } from '../../app/tui-context.js';
import { actionFor } from '../../keys/keymap.js';
import { unknownKeyText } from '../../keys/unknown-key.js';
import { useTimeline } from '../../timeline/use-timeline.js';
import { useKeys } from '../../keys/use-keys.js';
import { currentPass } from '../../../domain/session-state.js';
import { detailLines, lockLines } from './detail-lines.js';
import { ItemDetail } from './item-detail.js';
import { ItemList } from './item-list.js';
import { SectionList } from './section-list.js';
import { sectionNoteLines, SectionText, useSectionScroll } from './section-text.js';
import { useMainActions } from './use-main-actions.js';

export function mainLayout(columns: number, rows: number, itemCount: number) {
  const showSections = columns >= 70;
  const leftWidth = showSections ? Math.min(36, Math.floor(columns * 0.36)) : 0;
  const rightWidth = Math.max(10, columns - leftWidth - (showSections ? 2 : 0));
  const showDetail = rows >= 12;
  const wanted = itemCount + 1 + (itemCount + 1 > rows * 0.45 ? 2 : 0);
  const itemsHeight = showDetail ? Math.max(3, Math.min(wanted, Math.floor(rows * 0.45))) : rows;
  const detailHeight = showDetail ? Math.max(0, rows - itemsHeight - 1) : 0;
  return { showSections, leftWidth, rightWidth, showDetail, itemsHeight, detailHeight };
}

const ENTER_GUARD_MS = 400;

/** When this screen last got the keys back from a dialog or another screen (not its first mount). */
function useActiveSince(active: boolean): { current: number } {
  const since = useRef(0);
  const was = useRef(active);
  useLayoutEffect(() => {
    if (active && !was.current) since.current = Date.now();
    was.current = active;
  }, [active]);
  return since;
}

export function MainScreen({ active }: { active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { cursor } = tui;
  const { session, state, size, bodyRows } = tui;
  const sections = session.checklist.sections;
  const { section, item } = cursor;
  const layout = mainLayout(size.columns, bodyRows, section?.items.length ?? 0);
  const act = useMainActions(cursor, Math.max(1, layout.itemsHeight - 3));
  const timeline = useTimeline(session.checklist, state);
  const activeSince = useActiveSince(active);
  // A section with no items shows its text in the whole pane; ↑/↓ there scroll it.
  const textOnly = !!section && section.items.length === 0;
  const { offset: textOffset, scroll: scrollText } = useSectionScroll(section, layout.rightWidth - 1, bodyRows - 1);

  useKeys(
    (event) => {
      const action = actionFor('main', event);
      if (!action) {
        const unknown = unknownKeyText('main', event);
        if (unknown) tui.say(unknown, 'info');
        return;
      }
      // An Enter that lands here right after a dialog closed, or right after coming back from a run
      // or a form, is most likely the operator's second press there (or a key repeat), not a
      // request to run the next command.
      if (action === 'run' && event.name === 'return') {
        const now = Date.now();
        if (now - activeSince.current < ENTER_GUARD_MS || now - tui.enteredAt < ENTER_GUARD_MS) {
          const after = now - activeSince.current < ENTER_GUARD_MS ? 'the dialog closed' : 'coming back';
          tui.say(`Enter ignored right after ${after}: Enter or r again runs`, 'info');
          return;
        }
      }
      // The last check of a section just passed, or a resume came back to an item that ran: one
      // Enter on it says so instead of running it again.
      const held = cursor.heldEnter;
      if (held) cursor.holdEnter(undefined);
      if (held && action === 'run' && event.name === 'return' && section && item && held.key === `${section.id}/${item.id}`) {
        tui.say(`"${item.title}" ${held.why}: Enter again runs it again`, 'info');
        return;
      }
      // Without a sections pane, ←/→ (and Tab) step through the sections.
      if (!layout.showSections && (action === 'switchPane' || action === 'nextPane' || action === 'prevPane')) {
        cursor.moveSection({ type: action === 'prevPane' ? 'up' : 'down' });
        return;
      }
      if (!layout.showSections && cursor.pane === 'sections') cursor.setPane('items');
      if (textOnly && (!layout.showSections || cursor.pane === 'items') && scrollText(action)) return;
      act(action, layout.showSections ? cursor.pane : 'items');
    },
    { active },
  );

  const itemsFocused = !layout.showSections || cursor.pane === 'items';
  const locks = section ? lockLines(session, section) : [];
  const itemLines = section && item ? detailLines(session, state, section, item, layout.rightWidth - 1, timeline.byItem.get(`${section.id}/${item.id}`), layout.detailHeight - locks.length) : [];
  // The section's own text (a bridge link, a warning) goes above the item in the rows the item leaves.
  const note = section && item ? sectionNoteLines(section, layout.rightWidth - 1, layout.detailHeight - locks.length - itemLines.length) : [];
  const detail = [...locks, ...note, ...itemLines];
  const position = layout.showSections ? undefined : `◀ ${cursor.sectionIndex + 1}/${sections.length} ▶`;
  return (
    <Box flexDirection="row" height={bodyRows}>
      {layout.showSections ? (
        <Box width={layout.leftWidth} flexShrink={0} flexDirection="column" marginRight={1}>
          <SectionList
            checklist={session.checklist}
            state={state}
            index={cursor.sectionIndex}
            focused={cursor.pane === 'sections'}
            height={bodyRows}
            locked={(id) => session.isLocked(id)}
            version={tui.version}
            width={layout.leftWidth}
          />
        </Box>
      ) : null}
      {layout.showSections ? (
        <Box width={1} flexShrink={0} marginRight={1}>
          <Text dimColor>{'│\n'.repeat(Math.max(1, bodyRows)).trimEnd()}</Text>
        </Box>
      ) : null}
      <Box flexDirection="column" width={layout.rightWidth} flexShrink={1}>
        {section && textOnly ? (
          <SectionText section={section} width={layout.rightWidth - 1} height={bodyRows} offset={textOffset} focused={itemsFocused} position={position} pass={currentPass(state, section.id)} />
        ) : section ? (
          <ItemList section={section} state={state} index={cursor.itemIndex} focused={itemsFocused} height={layout.itemsHeight} position={position} timeline={timeline.byItem} />
        ) : (
          <Text dimColor>This checklist has no sections.</Text>
        )}
        {layout.showDetail && !textOnly ? (
          <>
            <Text dimColor>{'─'.repeat(Math.max(1, layout.rightWidth - 1))}</Text>
            <ItemDetail lines={detail} height={layout.detailHeight} />
          </>
        ) : null}
      </Box>
    </Box>
  );
}
