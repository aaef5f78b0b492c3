// The one-line verdict of a run: still running (spinner, elapsed, bytes), or how it ended.
import { Text } from 'ink';
import React from 'react';
import { formatDuration } from '../../../domain/duration.js';
import { useNow } from '../../app/use-now.js';
import { formatBytes } from '../../format.js';
import type { RunView } from '../../run/run-controller.js';
import { color } from '../../theme.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function RunStatus({ view }: { view: RunView }): React.JSX.Element {
  const running = view.phase === 'running';
  const now = useNow(100, running);
  const elapsed = (view.endedAt ?? now) - view.startedAt;
  const soak = view.watch ? ` · soak run ${view.watch.runs}${view.watch.failed ? ` (${view.watch.failed} failed)` : ''}, ${formatDuration(view.watch.remainingMs)} left` : '';
  if (running) {
    const frame = SPINNER[Math.floor(elapsed / 100) % SPINNER.length];
    return (
      <Text color={color('cyan')} wrap="truncate">
        {frame} {view.cancelling ? 'cancelling… (killing the process group)' : 'running'} · {formatDuration(elapsed)} · {formatBytes(view.bytes)}
        {soak}
      </Text>
    );
  }
  if (view.phase === 'error' || !view.result?.finished) {
    return (
      <Text color={color('red')} bold wrap="truncate">
        ✗ not run: {view.error ?? 'the run ended without a result'}
      </Text>
    );
  }
  const fin = view.result.finished;
  const pass = fin.result === 'pass';
  const how = fin.cancelled ? 'cancelled' : fin.timedOut ? 'timed out' : fin.signal ? `killed by ${fin.signal}` : `exit ${fin.exitCode}`;
  return (
    <Text color={pass ? color('green') : color('red')} bold wrap="truncate">
      {pass ? '✓ PASS' : '✗ FAIL'} · {how} · {formatDuration(fin.durationMs)} · {formatBytes(fin.logBytes)}
      {soak}
      {fin.reasons.length ? ` — ${fin.reasons.join('; ')}` : ''}
    </Text>
  );
}
