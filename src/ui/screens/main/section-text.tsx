// A section's own text (its description): all of it, scrollable, for a section with no items (an
// imported runbook keeps a severity table or a decision matrix it could not turn into rules as
// text there); for a section with items, the lines its selected item's detail leaves free.
import { Box, Text } from 'ink';
import React, { useState } from 'react';
import type { ChecklistSection } from '../../../domain/checklist-schema.js';
import { plainLines } from '../../../domain/plain-text.js';
import { wrapExact, wrapText } from '../../format.js';
import type { DetailLine } from './detail-lines.js';
import { scrollStep } from '../../widgets/scroll/use-line-scroll.js';
import { SectionHeading } from './item-list.js';

/** The description as screen lines: spaces kept as written, so a table kept as text stays aligned. */
export function sectionTextLines(section: ChecklistSection, width: number): string[] {
  const lines = section.description ? wrapExact(plainLines(section.description.trimEnd()), width) : [];
  while (lines.length && !lines[0]?.trim()) lines.shift();
  return lines;
}

/** Above an item's detail: the start of its section's text, cut (with …) to `rows`. */
export function sectionNoteLines(section: ChecklistSection, width: number, rows: number): DetailLine[] {
  if (!section.description?.trim() || rows < 1) return [];
  return wrapText(`section: ${plainLines(section.description)}`, width, rows).map((text) => ({ text, dim: true }));
}

/**
 * Which lines show in `rows` rows when scrolled to `offset`. A cut text gives a row to what is below
 * (and how to scroll) and, once scrolled, a row to what is above.
 */
export function sectionTextWindow(total: number, offset: number, rows: number): { start: number; end: number; above: boolean; below: boolean } {
  if (total <= rows || rows < 3) {
    const start = Math.max(0, Math.min(offset, total - rows));
    return { start, end: Math.min(total, start + rows), above: false, below: false };
  }
  const start = Math.max(0, Math.min(offset, total - (rows - 2)));
  return { start, end: Math.min(total, start + rows - (start > 0 ? 2 : 1)), above: start > 0, below: true };
}

/** Where the selected section's text is scrolled to (back at its start in another section), and a key that moves it. */
export function useSectionScroll(section: ChecklistSection | undefined, width: number, rows: number): { offset: number; scroll: (action: string) => boolean } {
  const [at, setAt] = useState({ section: '', offset: 0 });
  const offset = section && at.section === section.id ? at.offset : 0;
  const scroll = (action: string): boolean => {
    const step = scrollStep(action, rows - 2);
    if (!section || step === undefined) return false;
    const total = sectionTextLines(section, width).length;
    const wanted = Math.max(0, Math.min(total, offset + step));
    setAt({ section: section.id, offset: sectionTextWindow(total, wanted, Math.max(1, rows)).start });
    return true;
  };
  return { offset, scroll };
}

export function SectionText(props: { section: ChecklistSection; width: number; height: number; offset: number; focused: boolean; position?: string; pass?: number }): React.JSX.Element {
  const { section, height } = props;
  const lines = sectionTextLines(section, props.width);
  const { start, end, above, below } = sectionTextWindow(lines.length, props.offset, Math.max(1, height - 1));
  const scrollKey = props.focused ? '↑/↓' : 'Tab, then ↓';
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <SectionHeading title={section.title} focused={props.focused} position={props.position} pass={props.pass} note=" · no items" />
      {lines.length === 0 ? <Text dimColor>(no items in this section)</Text> : null}
      {above ? <Text dimColor>{`  ↑ ${start} more line${start === 1 ? '' : 's'}`}</Text> : null}
      {lines.slice(start, end).map((line, i) => (
        <Text key={start + i} wrap="truncate">
          {line || ' '}
        </Text>
      ))}
      {below ? (
        <Text dimColor wrap="truncate">
          {end < lines.length ? `  ↓ ${lines.length - end} more line${lines.length - end === 1 ? '' : 's'} (${scrollKey} scrolls)` : `  end of the section's text (${scrollKey} scrolls)`}
        </Text>
      ) : null}
    </Box>
  );
}
