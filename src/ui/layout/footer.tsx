// The bottom of every screen: what is happening (saving…, done, or what went wrong; a long message
// on two lines when there is room) and the keys that work here, wrapped onto at most `hintLines` lines.
import { Box, Text } from 'ink';
import React from 'react';
import type { Flash } from '../app/tui-context.js';
import { columnsOf } from '../../domain/plain-text.js';
import { wrapText } from '../format.js';
import { color } from '../theme.js';

export interface Hint {
  label: string;
  word: string;
}

/** The status line as drawn: what is being saved, or the last message with its mark. */
export function statusText(busy: string | undefined, flash: Flash | undefined): string {
  if (busy) return `… ${busy}`;
  if (!flash) return '';
  return `${flash.tone === 'error' ? '✗ ' : flash.tone === 'ok' ? '✓ ' : ''}${flash.text}`;
}

/** Body rows a long message may leave the screen when it takes a second row from it. */
const MIN_BODY_ROWS = 4;

/**
 * Footer rows: one status line and the hint lines. A status too long for one line gets a second:
 * from the hints when they have two lines (the footer keeps its height), else from the body when
 * `spareBodyRows` (the body's rows without it) leave it at least MIN_BODY_ROWS.
 */
export function footerRows(rows: number, columns = Infinity, status = '', spareBodyRows = 0): { statusLines: number; hintLines: number } {
  const hintLines = rows >= 20 ? 2 : 1;
  if (columnsOf(status) <= columns - 1) return { statusLines: 1, hintLines };
  if (hintLines > 1) return { statusLines: 2, hintLines: hintLines - 1 };
  return { statusLines: spareBodyRows - 1 >= MIN_BODY_ROWS ? 2 : 1, hintLines };
}

function pack(hints: Hint[], columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const hint of hints) {
    const piece = `${hint.label} ${hint.word}`;
    const next = line ? `${line}  ${piece}` : piece;
    if (columnsOf(next) <= columns || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = piece;
  }
  if (line) lines.push(line);
  return lines;
}

/** Hints kept when the footer is too narrow for all: the way to every other key, and the way out. */
const PINNED = new Set(['help', 'quit', 'back']);
/** Dropped first: keys any operator tries anyway (arrows, Tab), so the screen's own actions stay. */
const OBVIOUS = new Set(['move', 'next field', 'scroll']);

/**
 * Packs hints into lines of at most `columns` characters. When they do not fit in `maxLines`,
 * the obvious ones (moving) go first, then hints from the end, except help, quit and back: `?`
 * then lists the rest.
 */
export function packHints(hints: Hint[], columns: number, maxLines: number): string[] {
  const kept = [...hints];
  for (;;) {
    const lines = pack(kept, columns);
    const obvious = kept.findIndex((h) => OBVIOUS.has(h.word));
    const droppable = obvious >= 0 ? obvious : kept.findLastIndex((h) => !PINNED.has(h.word));
    if (lines.length <= maxLines || droppable < 0) return lines.slice(0, maxLines);
    kept.splice(droppable, 1);
  }
}

export function Footer(props: { hints: Hint[]; busy?: string; flash?: Flash; columns: number; hintLines: number; statusLines?: number }): React.JSX.Element {
  const { busy, flash } = props;
  const lines = packHints(props.hints, Math.max(10, props.columns - 1), props.hintLines);
  const tone = busy ? color('cyan') : flash?.tone === 'error' ? color('red') : flash?.tone === 'ok' ? color('green') : undefined;
  const status = statusText(busy, flash);
  const statusRows = (props.statusLines ?? 1) > 1 ? wrapText(status, Math.max(10, props.columns - 1), props.statusLines) : [status];
  return (
    <Box flexDirection="column">
      {statusRows.map((row, i) => (
        <Text key={`s${i}`} color={tone} bold={!busy && flash?.tone === 'error'} wrap="truncate">
          {row || ' '}
        </Text>
      ))}
      {Array.from({ length: props.hintLines }, (_, i) => (
        <Text key={i} dimColor wrap="truncate">
          {lines[i] ?? ' '}
        </Text>
      ))}
    </Box>
  );
}
