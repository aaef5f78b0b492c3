// Home (`cutover` alone): start a session on a checklist, or resume an unfinished one.
import { Box, Text } from 'ink';
import React, { useState } from 'react';
import { useTui } from '../../app/tui-context.js';
import { localDateTime } from '../../format.js';
import { actionFor } from '../../keys/keymap.js';
import { useKeys } from '../../keys/use-keys.js';
import { displayPath } from '../../paths.js';
import { color } from '../../theme.js';
import { Select } from '../../widgets/select/select.js';
import { useSelectState } from '../../widgets/select/use-select-state.js';
import { useHomeLists } from './use-home-lists.js';

type Pane = 'checklists' | 'sessions';

export function HomeScreen({ active }: { active: boolean }): React.JSX.Element {
  const tui = useTui();
  const lists = useHomeLists(tui.services);
  const checklists = lists.checklists ?? [];
  const sessions = lists.sessions ?? [];
  const [pane, setPane] = useState<Pane>('checklists');
  const checklistCursor = useSelectState(checklists.length);
  const sessionCursor = useSelectState(sessions.length);
  const cursor = pane === 'checklists' ? checklistCursor : sessionCursor;

  const open = (): void => {
    if (pane === 'checklists') {
      const found = checklists[checklistCursor.index];
      if (!found) return;
      if (found.error) return tui.say(`${displayPath(found.path)} is invalid: ${found.error}`, 'error');
      void tui.perform(`loading ${found.id}`, () => tui.services.loadChecklist(found.path)).then((r) => {
        if (r.ok) tui.go({ name: 'new-session', ref: found.path, loaded: r.value, prefill: {}, fromHome: true });
      });
      return;
    }
    const summary = sessions[sessionCursor.index];
    if (!summary) return;
    void tui.perform(`resuming ${summary.sessionId}`, () => tui.services.resumeSession(summary.path)).then((r) => {
      if (!r.ok) return;
      tui.adoptSession(r.value);
      tui.go({ name: 'main' });
    });
  };

  useKeys(
    (event) => {
      const action = actionFor('home', event);
      if (action === 'up' || action === 'down') cursor.dispatch({ type: action });
      else if (action === 'switchPane') setPane((p) => (p === 'checklists' ? 'sessions' : 'checklists'));
      else if (action === 'select') open();
      else if (action === 'help') tui.showHelp();
      else if (action === 'quit') tui.requestQuit();
    },
    { active },
  );

  const half = Math.max(3, Math.floor((tui.bodyRows - 2) / 2));
  const checklistRows = checklists.map((c) => ({
    key: c.path,
    text: (
      <Text>
        {c.error ? <Text color={color('red')}>invalid </Text> : null}
        {c.title || c.id} <Text dimColor>({displayPath(c.path)})</Text>
      </Text>
    ),
    right: c.error ? c.origin : `${c.items} items · ${c.origin}`,
  }));
  const sessionRows = sessions.map((s) => ({
    key: s.path,
    text: (
      <Text>
        {s.mode === 'drill' ? <Text color={color('yellow')}>DRILL </Text> : null}
        {s.ticket} · {s.environment} · {s.title}
        {s.problem ? <Text color={color('red')}> damaged: {s.problem}</Text> : null}
      </Text>
    ),
    right: `${s.operator} · ${localDateTime(s.lastEventAt)}`,
  }));
  const heading = (title: string, on: boolean, count?: number): React.JSX.Element => (
    // The marker says which list has the keys without color or inverse (TERM=dumb).
    <Text bold color={on ? color('cyan') : undefined}>
      {on ? '▸ ' : '  '}
      {title}
      {count === undefined ? ' (loading…)' : ` (${count})`}
    </Text>
  );
  return (
    <Box flexDirection="column" height={tui.bodyRows}>
      {heading('Start a session on a checklist', pane === 'checklists', lists.checklists?.length)}
      <Select rows={checklistRows} index={checklistCursor.index} height={half - 1} focused={pane === 'checklists'} emptyText={lists.checklists ? 'No checklists found (bundled, ./checklists, $CUTOVER_CHECKLISTS)' : 'loading…'} />
      {heading('Resume an unfinished session', pane === 'sessions', lists.sessions?.length)}
      <Select rows={sessionRows} index={sessionCursor.index} height={half - 1} focused={pane === 'sessions'} emptyText={lists.sessions ? `No unfinished session in ${tui.services.evidenceDir}` : 'loading…'} />
      {lists.error ? <Text color={color('red')}>{lists.error}</Text> : null}
    </Box>
  );
}
