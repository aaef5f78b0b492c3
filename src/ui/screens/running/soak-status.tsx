// The soak line of the running screen: a mark per run so far and the time left.
import { Text } from 'ink';
import React from 'react';
import { formatDuration } from '../../../domain/duration.js';
import type { RunView } from '../../run/run-controller.js';
import { soakLine } from '../../run/soak-marks.js';
import { color } from '../../theme.js';

export function SoakStatus({ view, width }: { view: RunView; width: number }): React.JSX.Element {
  const results = view.watch?.results ?? [];
  const running = view.phase === 'running';
  const stopped = !!view.watch?.stopped || !!view.result?.finished?.cancelled;
  const when = running ? (view.watch ? `${formatDuration(view.watch.remainingMs)} left` : 'first run…') : stopped ? 'stopped early' : 'done';
  const failed = stopped || results.some((r) => r !== 'pass');
  const tail = ` · ${when}`;
  return (
    <Text wrap="truncate" bold={failed} color={failed ? color('red') : color('green')}>
      {soakLine(results, width - tail.length)}
      {tail}
    </Text>
  );
}
