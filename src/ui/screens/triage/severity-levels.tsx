// Every severity level of the checklist with its criteria; the chosen one is highlighted. When
// the criteria of all levels do not fit, every level keeps its line and the chosen level's
// criteria get the rest; when not even the levels fit, the chosen level and its criteria show.
import { Box, Text } from 'ink';
import React from 'react';
import type { SeverityLevelDef } from '../../../domain/checklist-schema.js';
import { color } from '../../theme.js';

/** "SEV0 — Rollback now"; a title that already starts with the id ("P1", "SEV1: outage") is shown alone. */
export function levelLabel(level: SeverityLevelDef): string {
  return level.title.toLowerCase().startsWith(level.id.toLowerCase()) ? level.title : `${level.id} — ${level.title}`;
}

const countText = (n: number): string => (n === 1 ? '1 criterion' : `${n} criteria`);

export function SeverityLevels({ levels, chosen, height }: { levels: SeverityLevelDef[]; chosen: string; height: number }): React.JSX.Element {
  const all = levels.reduce((n, l) => n + 1 + l.criteria.length, 0);
  const expandAll = all <= height;
  const shown = expandAll || levels.length < height ? levels : levels.filter((l) => l.id === chosen);
  // Rows the chosen level's criteria may use once every shown level has its line.
  let criteriaRows = Math.max(0, height - shown.length);
  const lines: React.ReactNode[] = [];
  for (const level of shown) {
    const on = level.id === chosen;
    const criteria = expandAll ? level.criteria : on ? level.criteria.slice(0, criteriaRows) : [];
    if (on && !expandAll) criteriaRows -= criteria.length;
    const hidden = level.criteria.length - criteria.length;
    lines.push(
      <Text key={level.id} wrap="truncate" bold={on} color={on ? color('red') : undefined}>
        {on ? '› ' : '  '}
        {levelLabel(level)}
        {hidden > 0 ? <Text dimColor> ({on ? `${countText(hidden)} more` : countText(hidden)})</Text> : null}
      </Text>,
    );
    criteria.forEach((c, i) =>
      lines.push(
        <Text key={`${level.id}-${i}`} wrap="truncate" dimColor={!on}>
          {'    • '}
          {c}
        </Text>,
      ),
    );
  }
  return <Box flexDirection="column">{lines.slice(0, Math.max(1, height))}</Box>;
}
