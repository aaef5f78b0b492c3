// The verdict of a run: still running (spinner, elapsed, bytes, one line), or how it ended, with
// every reason, wrapped onto as many lines as it takes (at most `maxLines`).
import { Box, Text } from 'ink';
import React from 'react';
import { formatDuration } from '../../../domain/duration.js';
import { useNow } from '../../app/use-now.js';
import { formatBytes, wrapText } from '../../format.js';
import type { RunView } from '../../run/run-controller.js';
import { color } from '../../theme.js';

function soakVerdict({ results, stopped }: NonNullable<RunView['watch']>): string {
  const failed = results.filter((r) => r !== 'pass' && r !== 'cancelled').length;
  const passed = results.filter((r) => r === 'pass').length;
  if (stopped) return ` · soak stopped before its time was up: ${passed} of ${results.length} runs passed${failed ? `, ${failed} failed` : ''}; not a full soak`;
  if (failed) return ` · soak: ${failed} of ${results.length} runs failed`;
  return passed < results.length ? ` · soak: stopped after ${passed} of ${results.length} runs passed` : ` · soak: all ${results.length} runs passed`;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A fault injection that worked is not a check that passed; a cancelled run is not a failed check. */
function label(view: RunView, pass: boolean): string {
  if (view.request.kind === 'inject') return pass ? '✓ FAULT INJECTED' : '✗ FAULT NOT INJECTED';
  if (view.result?.finished?.cancelled) return '✗ CANCELLED';
  if (view.watch?.stopped) return '✗ SOAK STOPPED';
  return pass ? '✓ PASS' : '✗ FAIL';
}

/** How a finished run ended, as one text; `pass` says which color it takes. */
export function verdictOf(view: RunView): { text: string; pass: boolean } {
  if (view.phase === 'error' || !view.result?.finished) return { text: `✗ not run: ${view.error ?? 'the run ended without a result'}`, pass: false };
  const fin = view.result.finished;
  const pass = (view.verdict ?? fin.result) === 'pass';
  const how = fin.cancelled ? 'cancelled' : fin.timedOut ? 'timed out' : fin.signal ? `killed by ${fin.signal}` : `exit ${fin.exitCode}`;
  // A soak's verdict is the item's mark over all its runs; the details are the last run's.
  const soak = view.watch ? soakVerdict(view.watch) : '';
  const reasons = fin.reasons.length ? ` — ${fin.reasons.join('; ')}` : '';
  return { text: `${label(view, pass)}${soak} · ${view.watch ? 'last run: ' : ''}${how} · ${formatDuration(fin.durationMs)} · ${formatBytes(fin.logBytes)}${reasons}`, pass };
}

/** The verdict's lines at `width`: what the running screen reserves for it. */
export function verdictLines(view: RunView, width: number, maxLines: number): string[] {
  if (view.phase === 'running') return [''];
  return wrapText(verdictOf(view).text, width, maxLines);
}

function Running({ view }: { view: RunView }): React.JSX.Element {
  const now = useNow(100, true);
  const elapsed = now - view.startedAt;
  const frame = SPINNER[Math.floor(elapsed / 100) % SPINNER.length];
  return (
    <Text color={color('cyan')} wrap="truncate">
      {frame} {view.cancelling ? 'cancelling… (killing the process group)' : 'running'} · {formatDuration(elapsed)} · {formatBytes(view.bytes)}
    </Text>
  );
}

export function RunStatus({ view, lines }: { view: RunView; lines: string[] }): React.JSX.Element {
  if (view.phase === 'running') return <Running view={view} />;
  const { pass } = verdictOf(view);
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} color={pass ? color('green') : color('red')} bold wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
