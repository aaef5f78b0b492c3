// `?`: every key of the current screen, then the keys that work everywhere. Long help texts wrap
// (a key's meaning is never cut off); scrolls when the terminal is short; Esc, q or ? closes it.
// A running command keeps running meanwhile.
import { Box, Text } from 'ink';
import React from 'react';
import { useTui } from '../app/tui-context.js';
import { wrapText } from '../format.js';
import { actionFor, FORM_KEYS, GLOBAL_KEYS, KEYMAP, type Action, type Scope } from '../keys/keymap.js';
import { useKeys } from '../keys/use-keys.js';
import { columnsOf } from '../../domain/plain-text.js';
import { color } from '../theme.js';
import { useLineScroll } from '../widgets/scroll/use-line-scroll.js';

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
    { label: '', help: 'Text fields take every key as text; Esc leaves them. Pasted text goes into a text field on one line; elsewhere it is ignored.', heading: true },
  ];
}

/** One line on screen: a key's label (on the first line of its help) and a piece of its help. */
interface HelpLine {
  label: string;
  text: string;
  heading?: boolean;
  /** A key's label on a line of its own, its help below (narrow terminals). */
  key?: boolean;
}

/**
 * The help rows wrapped to `columns`: a help text too long for its line goes on under itself, in
 * the help column. When the labels leave too little room beside them, each help text goes under
 * its label instead.
 */
export function helpLines(rows: Row[], columns: number): { lines: HelpLine[]; labelWidth: number } {
  const width = Math.max(10, columns - 1);
  const widest = Math.max(...rows.map((r) => columnsOf(r.label)), 6) + 2;
  const beside = width - widest >= 12;
  const labelWidth = beside ? widest : 2;
  const lines = rows.flatMap((row): HelpLine[] => {
    if (row.heading) return wrapText(row.help, width).map((text) => ({ label: '', text, heading: true }));
    const help = wrapText(row.help, width - labelWidth).map((text) => ({ label: '', text }));
    if (!beside) return [{ label: '', text: row.label, key: true }, ...help];
    return help.map((line, i) => (i === 0 ? { ...line, label: row.label } : line));
  });
  return { lines, labelWidth };
}

export function HelpScreen({ scope, hide, rows, onClose }: { scope: Scope | 'form'; hide?: readonly Action[]; rows: number; onClose: () => void }): React.JSX.Element {
  const { columns } = useTui().size;
  const { lines, labelWidth } = helpLines(helpRows(scope, hide), columns);
  const height = Math.max(1, rows - 1);
  const { top, scroll } = useLineScroll(lines.length, height);
  useKeys((event) => {
    // the pager's keys: ↑/↓/j/k, PgUp/PgDn/Space, g/G; Esc, q and ? close
    const action = actionFor('pager', event);
    if (action === 'back' || action === 'help') onClose();
    else scroll(action);
  });
  const shown = `${top + 1}-${Math.min(lines.length, top + height)}`;
  const long = `Help — keys (↑/↓ scroll, ${shown} of ${lines.length})`;
  const heading = lines.length <= height ? 'Help — keys' : columnsOf(long) < columns ? long : `Help — keys ${shown}/${lines.length}`;
  return (
    <Box flexDirection="column">
      <Text bold color={color('cyan')} wrap="truncate">
        {heading}
      </Text>
      {lines.slice(top, top + height).map((line, i) =>
        line.heading || line.key ? (
          <Text key={i} bold={line.heading} color={line.key ? color('cyan') : undefined} wrap="truncate">
            {line.text}
          </Text>
        ) : (
          <Box key={i}>
            <Box width={labelWidth} flexShrink={0}>
              <Text color={color('cyan')}>{line.label}</Text>
            </Box>
            <Text wrap="truncate">{line.text}</Text>
          </Box>
        ),
      )}
    </Box>
  );
}
