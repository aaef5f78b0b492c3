// The one-line verdict of a run: still running (spinner, elapsed, bytes), or how it ended.
import { Text } from 'ink';
import React from 'react';
import { formatDuration } from '../../../domain/duration.js';
import { useNow } from '../../app/use-now.js';
import { formatBytes } from '../../format.js';
import type { RunView } from '../../run/run-controller.js';
import { color } from '../../theme.js';

function soakVerdict(results: readonly string[]): string {
  const failed = results.filter((r) => r !== 'pass').length;
  return failed ? ` · soak: ${failed} of ${results.length} runs failed` : ` · soak: all ${results.length} runs passed`;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function RunStatus({ view }: { view: RunView }): React.JSX.Element {
  const running = view.phase === 'running';
  const now = useNow(100, running);
  const elapsed = (view.endedAt ?? now) - view.startedAt;
  if (running) {
    const frame = SPINNER[Math.floor(elapsed / 100) % SPINNER.length];
    return (
      <Text color={color('cyan')} wrap="truncate">
        {frame} {view.cancelling ? 'cancelling… (killing the process group)' : 'running'} · {formatDuration(elapsed)} · {formatBytes(view.bytes)}
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
  const pass = (view.verdict ?? fin.result) === 'pass';
  const how = fin.cancelled ? 'cancelled' : fin.timedOut ? 'timed out' : fin.signal ? `killed by ${fin.signal}` : `exit ${fin.exitCode}`;
  // A soak's verdict is the item's mark over all its runs; the details are the last run's.
  const soak = view.watch ? soakVerdict(view.watch.results) : '';
  return (
    <Text color={pass ? color('green') : color('red')} bold wrap="truncate">
      {pass ? '✓ PASS' : '✗ FAIL'}
      {soak} · {view.watch ? 'last run: ' : ''}
      {how} · {formatDuration(fin.durationMs)} · {formatBytes(fin.logBytes)}
      {fin.reasons.length ? ` — ${fin.reasons.join('; ')}` : ''}
    </Text>
  );
}
