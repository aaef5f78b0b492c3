// The bottom of every screen: what is happening (saving…, done, or what went wrong) and the keys
// that work here, wrapped onto at most `hintLines` lines.
import { Box, Text } from 'ink';
import React from 'react';
import type { Flash } from '../app/tui-context.js';
import { columnsOf } from '../../domain/plain-text.js';
import { color } from '../theme.js';

export interface Hint {
  label: string;
  word: string;
}

export function footerRows(rows: number): { hintLines: number } {
  return { hintLines: rows >= 20 ? 2 : 1 };
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

export function Footer(props: { hints: Hint[]; busy?: string; flash?: Flash; columns: number; hintLines: number }): React.JSX.Element {
  const { busy, flash } = props;
  const lines = packHints(props.hints, Math.max(10, props.columns - 1), props.hintLines);
  const tone = flash?.tone === 'error' ? color('red') : flash?.tone === 'ok' ? color('green') : undefined;
  return (
    <Box flexDirection="column">
      {busy ? (
        <Text color={color('cyan')} wrap="truncate">
          … {busy}
        </Text>
      ) : flash ? (
        <Text color={tone} bold={flash.tone === 'error'} wrap="truncate">
          {flash.tone === 'error' ? '✗ ' : flash.tone === 'ok' ? '✓ ' : ''}
          {flash.text}
        </Text>
      ) : (
        <Text> </Text>
      )}
      {Array.from({ length: props.hintLines }, (_, i) => (
        <Text key={i} dimColor wrap="truncate">
          {lines[i] ?? ' '}
        </Text>
      ))}
    </Box>
  );
}
