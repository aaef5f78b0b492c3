// A session resumed after cutover died mid-command (kill -9, a crash, a lost host): the command was
// left to itself, and may still be running, or have half-done its work. Say so once, as the
// session opens, before anyone runs it again.
import { useEffect, useRef } from 'react';
import { previousEnding } from '../../../domain/session-ending.js';
import type { SessionState } from '../../../domain/session-state.js';
import { useSessionTui } from '../../app/tui-context.js';
import { clockTime } from '../../format.js';

/**
 * What the latest resume found cut short, still its item's last word (not run again, not marked
 * since): runs it recorded as interrupted, and soaks it stopped between two runs. A crash that an
 * earlier resume already told about is not told again.
 */
export function interruptedRuns(state: SessionState): Array<{ where: string; command: string }> {
  const resume = state.lastResume;
  if (!resume) return [];
  return Object.values(state.items).flatMap((it) => {
    if (it.status !== 'interrupted' || !it.lastRunId) return [];
    const run = state.runs[it.lastRunId];
    const where = `${it.section}/${it.item}`;
    if (run?.interrupted) return run.interrupted.seq > resume.seq ? [{ where, command: run.command }] : [];
    return it.markedAt === resume.at ? [{ where, command: `${run?.command ?? ''} (a soak, stopped between two runs)` }] : [];
  });
}

export function InterruptedNotice(): null {
  const tui = useSessionTui();
  const { session, state } = tui;
  const shown = useRef<object | undefined>(undefined);

  useEffect(() => {
    if (shown.current === session) return;
    shown.current = session;
    const runs = interruptedRuns(state);
    if (!runs.length) {
      const before = state.lastResume ? previousEnding(session.store.events, state.lastResume.seq) : undefined;
      if (before?.how === 'vanished') tui.say(`cutover did not stop normally last time (a crash, kill -9 or lost connection): nothing was recorded after ${clockTime(before.lastEventAt)}`, 'error');
      return;
    }
    tui.openDialog(
      {
        kind: 'confirm',
        tone: 'danger',
        title: `cutover stopped while ${runs.length === 1 ? 'a command was' : `${runs.length} commands were`} running`,
        lines: [
          ...runs.slice(0, 3).map((r) => `• ${r.where}: ${r.command}`),
          ...(runs.length > 3 ? [`• and ${runs.length - 3} more`] : []),
          runs.length === 1
            ? 'Nothing stopped it: it may still be running on this host, or have stopped half-way.'
            : 'Nothing stopped them: they may still be running on this host, or have stopped half-way.',
          `Check before running ${runs.length === 1 ? 'it' : 'them'} again. Output so far: l on the item (marked !).`,
        ],
        choices: [{ key: 'y', label: 'understood', onChoose: () => undefined }],
      },
      true,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  return null;
}
