// When the operator completes a rollback (its steps up to its last command marked or run), offer
// to run the smoke section again as a new pass: earlier results stay in the evidence. Watched from
// the App (the last rollback command may finish on the running screen); offered once back on the
// main view.
import { useEffect, useRef } from 'react';
import type { Checklist, ChecklistSection } from '../../../domain/checklist-schema.js';
import { itemState } from '../../../domain/progress.js';
import type { SessionState } from '../../../domain/session-state.js';
import { useSessionTui } from '../../app/tui-context.js';

const DONE = new Set(['pass', 'fail', 'skip', 'not-run']);

/**
 * The rollback's own steps are done: every item up to its last command, or every item when none
 * runs one. Manual items after the last command ("run the smoke section again", "write the
 * timeline") are what follows the rollback: waiting for them had the operator mark "smoke run
 * again" done before being offered to run it.
 */
function rollbackDone(state: SessionState, section: ChecklistSection): boolean {
  const lastCommand = section.items.findLastIndex((item) => !!item.run);
  const steps = lastCommand >= 0 ? section.items.slice(0, lastCommand + 1) : section.items;
  return steps.every((item) => DONE.has(itemState(state, section.id, item.id)?.status ?? 'pending'));
}

function completeRollbacks(checklist: Checklist, state: SessionState): string[] {
  return checklist.sections
    .filter((s) => s.kind === 'rollback' && s.items.length > 0 && rollbackDone(state, s))
    .map((s) => `${s.id}#${state.passes[s.id] ?? 1}`);
}

const markedAt = (state: SessionState, section: ChecklistSection): number[] =>
  section.items.map((item) => itemState(state, section.id, item.id)?.markedAt).flatMap((at) => (at ? [Date.parse(at)] : []));

/** When the rollback now complete began: its earliest result in the current pass. */
function rollbackStart(checklist: Checklist, state: SessionState): number {
  return Math.min(...checklist.sections.filter((s) => s.kind === 'rollback').flatMap((s) => markedAt(state, s)));
}

/** Whether the smoke section's current pass holds results from before the rollback: else it was already run again. */
function resultsBefore(state: SessionState, smoke: ChecklistSection, start: number): boolean {
  return markedAt(state, smoke).some((at) => at < start);
}

export function RollbackOffer(): null {
  const tui = useSessionTui();
  const { session, state, version, cursor } = tui;
  const seen = useRef<Set<string> | undefined>(undefined);
  const pending = useRef(false);

  useEffect(() => {
    const complete = completeRollbacks(session.checklist, state);
    // Rollbacks already complete when the session opened (e.g. on resume) are not offered again.
    if (!seen.current) {
      seen.current = new Set(complete);
      return;
    }
    const fresh = complete.filter((key) => !seen.current?.has(key));
    for (const key of fresh) seen.current.add(key);
    if (fresh.length) pending.current = true;
    if (!pending.current || tui.screen.name !== 'main' || tui.runs.running) return;
    pending.current = false;
    const smoke = session.checklist.sections.find((s) => s.kind === 'smoke' && resultsBefore(state, s, rollbackStart(session.checklist, state)));
    if (!smoke) return;
    const next = (state.passes[smoke.id] ?? 1) + 1;
    tui.openDialog({
      kind: 'confirm',
      title: `Rollback complete: run the smoke checks again as pass ${next}?`,
      lines: [smoke.title, 'Earlier smoke results stay in the evidence; the new pass starts empty.'],
      choices: [
        {
          key: 'y',
          label: `start smoke pass ${next}`,
          onChoose: () => {
            void tui.perform(`starting pass ${next}`, () => session.startNewPass(smoke.id, 'after rollback'), (pass) => `${smoke.title}: pass ${pass} started`).then((r) => {
              if (r.ok) cursor.goTo(smoke.id, smoke.items[0]?.id);
            });
          },
        },
        { key: 'n', label: 'not now (N starts a new pass later)', onChoose: () => undefined },
      ],
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, tui.screen.name]);
  return null;
}
