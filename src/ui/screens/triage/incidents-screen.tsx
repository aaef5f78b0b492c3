// Every incident of the session, open ones first; R resolves the selected one with a note.
import { Box, Text } from 'ink';
import React from 'react';
import { useSessionTui } from '../../app/tui-context.js';
import { sessionTime } from '../../format.js';
import { actionFor } from '../../keys/keymap.js';
import { unknownKeyText } from '../../keys/unknown-key.js';
import { useKeys } from '../../keys/use-keys.js';
import { Table } from '../../widgets/table.js';
import { useSelectState } from '../../widgets/select/use-select-state.js';

export function IncidentsScreen({ active }: { active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, size, bodyRows } = tui;
  const incidents = [...state.incidents].sort((a, b) => Number(!!a.resolvedAt) - Number(!!b.resolvedAt));
  const select = useSelectState(incidents.length);
  const chosen = incidents[select.index];
  // A bad night outgrows the screen: the rows shown follow the selection, so R never resolves an
  // incident the operator cannot see.
  const rows = Math.max(1, bodyRows - 3);
  const first = Math.max(0, select.index - rows + 1);

  useKeys(
    (event) => {
      const action = actionFor('incidents', event);
      if (action === 'up' || action === 'down' || action === 'top' || action === 'bottom') select.dispatch({ type: action });
      else if (action === 'pageUp' || action === 'pageDown') select.dispatch({ type: 'page', delta: action === 'pageUp' ? -rows : rows });
      else if (action === 'incident') tui.go({ name: 'triage', back: 'incidents' });
      else if (action === 'back') tui.go({ name: 'main' });
      else if (action === 'help') tui.showHelp();
      else if (action === 'quit') tui.requestQuit();
      else if (action === 'resolve') {
        if (!chosen || chosen.resolvedAt) return tui.say(chosen ? `${chosen.incidentId} is already resolved` : 'no incident selected', 'info');
        tui.openDialog({
          kind: 'prompt',
          title: `Resolve ${chosen.incidentId} (${chosen.severity}): ${chosen.title}`,
          lines: ['How was it resolved? (recorded)'],
          required: 'a resolution needs a note',
          onSubmit: (note) => {
            void tui.perform(`resolving ${chosen.incidentId}`, () => session.resolveIncident(chosen.incidentId, note.trim()), () => `${chosen.incidentId} resolved`);
          },
        });
      } else if (!action) {
        const unknown = unknownKeyText('incidents', event);
        if (unknown) tui.say(unknown, 'info');
      }
    },
    { active },
  );

  const at = (iso: string): string => sessionTime(state.t0, iso);
  const data = incidents.map((inc) => ({
    id: inc.incidentId,
    sev: inc.severity,
    title: inc.title,
    declared: at(inc.declaredAt),
    status: inc.resolvedAt ? `resolved ${at(inc.resolvedAt)}` : 'OPEN',
  }));
  return (
    <Box flexDirection="column" height={bodyRows}>
      <Text bold>
        Incidents
        {data.length > rows ? <Text dimColor>{` (${first + 1}-${Math.min(data.length, first + rows)} of ${data.length}, ↑/↓ PgUp/PgDn)`}</Text> : null}
      </Text>
      {data.length ? <Table data={data.slice(first, first + rows)} width={size.columns} selected={select.index - first} /> : <Text dimColor>No incident declared. i declares one.</Text>}
      {chosen?.description ? (
        <Text wrap="truncate" dimColor>
          {chosen.description}
        </Text>
      ) : null}
    </Box>
  );
}
