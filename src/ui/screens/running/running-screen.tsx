// A command running (or just finished): its command line, a live tail of its output that fits
// the screen, and the verdict. The tail is fed by the run controller at a bounded frame rate.
import { Box, Text } from 'ink';
import React, { useSyncExternalStore } from 'react';
import { useSessionTui } from '../../app/tui-context.js';
import { actionFor } from '../../keys/keymap.js';
import { useKeys } from '../../keys/use-keys.js';
import { color } from '../../theme.js';
import { shownCommand } from '../../render-command.js';
import { fitRows, wrapExact } from '../../format.js';
import { mainLayout } from '../main/main-screen.js';
import { useRunItem } from '../main/use-run-item.js';
import { drillRefused, refusalLines, refusalVerdict } from './refusal.js';
import { RunStatus, verdictLines } from './run-status.js';
import { runningRows } from './running-layout.js';
import { SoakStatus } from './soak-status.js';

export function RunningScreen({ active }: { active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, runs, bodyRows } = tui;
  const view = useSyncExternalStore(runs.subscribe, runs.snapshot);
  const runItem = useRunItem();
  const refused = !!view && drillRefused(session, state, view);

  const back = (): void => {
    // After a passing check the operator moves on: the next item is selected. After the section's
    // last item there is none: the Enter the operator has been pressing to go on must not run the
    // same command again, so the next one on it only says so, on the checklist.
    let endOfSection = false;
    if (view?.request.kind !== 'inject' && view?.verdict === 'pass' && tui.cursor.item?.id === view.request.itemId) {
      const items = tui.cursor.section?.items ?? [];
      if (tui.cursor.itemIndex < items.length - 1) tui.cursor.moveItem({ type: 'down' });
      else {
        tui.cursor.holdEnter({ key: `${view.request.sectionId}/${view.request.itemId}`, why: 'just passed, the last of its section' });
        const next = mainLayout(tui.size.columns, tui.bodyRows, 0).showSections ? '← then ↓ picks the next section' : '→ goes to the next section';
        tui.say(`end of "${tui.cursor.section?.title ?? view.request.sectionId}": ${next}`, 'info', { section: view.request.sectionId });
        endOfSection = true;
      }
    }
    runs.dismiss();
    tui.go({ name: 'main' }, { keepStatus: endOfSection });
  };

  useKeys(
    (event) => {
      if (!view) return back();
      if (view.phase === 'running') {
        const action = actionFor('running', event);
        if (action === 'cancel') runs.cancel();
        else if (action === 'help') tui.showHelp();
        // Esc, q or any other key does nothing until the command ends: say so, not a frozen screen.
        else if (event.name === 'escape' || (event.text && !event.ctrl)) tui.say('a command is running: c cancels it (recorded); Esc and q work once it has ended', 'info');
        return;
      }
      const action = actionFor('finished', event);
      const found = session.findItem(view.request.itemId);
      if (action === 'back') back();
      else if (action === 'help') tui.showHelp();
      else if (action === 'log' && view.result) tui.go({ name: 'pager', runId: view.result.runId, back: 'running' });
      else if (action === 'run' && refused) tui.say('a drill refuses it again: Esc, then p / f / s mark it by hand', 'info');
      else if (action === 'run' && found) {
        runs.dismiss();
        runItem({ section: found.section, item: found.item, command: view.request.command, kind: view.request.kind });
      } else if (action === 'incident' && found) {
        const failed = view.verdict === 'fail' && !view.result?.finished?.cancelled;
        const title = failed ? `${found.item.title} failed` : found.item.title;
        tui.go({ name: 'triage', preset: { severity: failed ? found.item.onFail : undefined, title, section: found.section.id, item: found.item.id } });
      }
    },
    { active },
  );

  if (!view) return <Text dimColor>No command is running. Enter goes back.</Text>;
  const { request } = view;
  const live = [...state.runOrder].reverse().map((id) => state.runs[id]).find((r) => r?.item === request.itemId && r.inFlight);
  const typed = request.command === undefined ? undefined : session.redactor.redact(request.command).text;
  const command = view.result?.command ?? live?.command ?? typed ?? shownCommand(session, request.sectionId, request.itemId).command ?? '';
  const soak = request.kind === 'watch';
  const found = session.findItem(request.itemId);
  // A failed check, or a soak that failed its item, offers the severity the item suggests; a run
  // the operator cancelled says nothing about the system.
  const failed = view.phase === 'finished' && view.request.kind !== 'inject' && view.verdict === 'fail' && !view.result?.finished?.cancelled;
  const offer = failed && found?.item.onFail ? offerText(found.item.onFail, soak, tui.size.columns) : ' ';
  // Long commands, output lines and reasons wrap rather than being cut; the output tail gets the
  // rows the others leave.
  const width = Math.max(10, tui.size.columns - 1);
  const verdictRows = bodyRows >= 10 ? 3 : 1;
  const verdict = refused ? refusalVerdict(width, verdictRows) : verdictLines(view, width, verdictRows);
  const rows = runningRows(bodyRows, { command: bodyRows >= 14 ? 3 : bodyRows >= 10 ? 2 : 1, verdict: verdict.length, soak });
  const commandRows = rows.command ? fitRows(wrapExact(`$ ${command}`, width), rows.command) : [];
  const tailHeight = rows.tail;
  const lines = refused ? fitRows(refusalLines(session, width), tailHeight) : tailRows(view.lines, width, tailHeight);
  return (
    <Box flexDirection="column" height={bodyRows}>
      {rows.title ? (
        <Text bold wrap="truncate" color={request.kind === 'inject' ? color('yellow') : undefined}>
          {request.kind === 'inject' ? 'INJECTING FAULT (drill): ' : request.kind === 'watch' ? 'Soak: ' : ''}
          {request.title} <Text dimColor>({request.sectionId}/{request.itemId})</Text>
          {typed !== undefined && request.kind !== 'inject' ? <Text color={color('yellow')}> · edited command</Text> : null}
        </Text>
      ) : null}
      {commandRows.map((row, i) => (
        <Text key={i} color={color('cyan')} wrap="truncate">
          {row}
        </Text>
      ))}
      {tailHeight ? (
        <Box flexDirection="column" height={tailHeight} overflow="hidden">
          {lines.length ? (
            lines.map((line, i) => (
              <Text key={i} wrap="truncate">
                {line || ' '}
              </Text>
            ))
          ) : (
            <Text dimColor>{view.phase === 'running' ? '(no output yet)' : '(no output)'}</Text>
          )}
        </Box>
      ) : null}
      {soak ? <SoakStatus view={view} width={tui.size.columns} /> : null}
      <RunStatus view={view} lines={verdict} />
      {rows.offer ? (
        <Text color={color('red')} wrap="truncate">
          {offer}
        </Text>
      ) : null}
    </Box>
  );
}

/** Says which key declares the suggested severity; the key comes first when the line is short. */
function offerText(severity: string, soak: boolean, columns: number): string {
  const full = `This ${soak ? 'soak' : 'check'} suggests ${severity} on failure: press i to declare it.`;
  return full.length < columns ? full : `i declares ${severity} (suggested on failure)`;
}

/** The last `height` screen rows of the output, long lines wrapped as a terminal would. */
function tailRows(lines: readonly string[], width: number, height: number): string[] {
  const rows: string[] = [];
  for (let i = lines.length - 1; i >= 0 && rows.length < height; i--) rows.unshift(...wrapExact(lines[i] ?? '', width));
  return rows.slice(-height);
}
