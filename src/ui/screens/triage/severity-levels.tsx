// Every severity level of the checklist with its criteria; the chosen one is highlighted. When
// the criteria of all levels do not fit, only the chosen level's are shown.
import { Box, Text } from 'ink';
import React from 'react';
import type { SeverityLevelDef } from '../../../domain/checklist-schema.js';
import { color } from '../../theme.js';

/** "SEV0 — Rollback now"; a title that already starts with the id ("P1", "SEV1: outage") is shown alone. */
export function levelLabel(level: SeverityLevelDef): string {
  return level.title.toLowerCase().startsWith(level.id.toLowerCase()) ? level.title : `${level.id} — ${level.title}`;
}

export function SeverityLevels({ levels, chosen, height }: { levels: SeverityLevelDef[]; chosen: string; height: number }): React.JSX.Element {
  const all = levels.reduce((n, l) => n + 1 + l.criteria.length, 0);
  const expandAll = all <= height;
  const lines: React.ReactNode[] = [];
  for (const level of levels) {
    const on = level.id === chosen;
    lines.push(
      <Text key={level.id} wrap="truncate" bold={on} color={on ? color('red') : undefined}>
        {on ? '› ' : '  '}
        {levelLabel(level)}
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
