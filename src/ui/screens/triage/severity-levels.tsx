// Every severity level of the checklist with its criteria; the chosen one is highlighted. When
// the criteria of all levels do not fit, only the chosen level's are shown.
import { Box, Text } from 'ink';
import React from 'react';
import type { SeverityLevelDef } from '../../../domain/checklist-schema.js';
import { color } from '../../theme.js';

export function SeverityLevels({ levels, chosen, height }: { levels: SeverityLevelDef[]; chosen: string; height: number }): React.JSX.Element {
  const all = levels.reduce((n, l) => n + 1 + l.criteria.length, 0);
  const expandAll = all <= height;
  const lines: React.ReactNode[] = [];
  for (const level of levels) {
    const on = level.id === chosen;
    lines.push(
      <Text key={level.id} wrap="truncate" bold={on} color={on ? color('red') : undefined}>
        {on ? '› ' : '  '}
        {level.id} — {level.title}
        {!on && !expandAll && level.criteria.length ? <Text dimColor> ({level.criteria.length === 1 ? '1 criterion' : `${level.criteria.length} criteria`})</Text> : null}
      </Text>,
    );
    if (on || expandAll) {
      level.criteria.forEach((c, i) =>
        lines.push(
          <Text key={`${level.id}-${i}`} wrap="truncate" dimColor={!on}>
            {'    • '}
            {c}
          </Text>,
        ),
      );
    }
  }
  return <Box flexDirection="column">{lines.slice(0, Math.max(1, height))}</Box>;
}
