// Sign-off per role: pick the role, confirm the name; the time is recorded with it. Opened from
// an item of a sign-off section, the item's owner is preselected and the item is recorded too.
import { Box, Text } from 'ink';
import React, { useEffect } from 'react';
import type { ChecklistItem } from '../../../domain/checklist-schema.js';
import { formatOffset } from '../../../domain/duration.js';
import { itemState } from '../../../domain/progress.js';
import { signoffWarning } from '../../../domain/signoff-warning.js';
import { useSessionTui } from '../../app/tui-context.js';
import { clockTime } from '../../format.js';
import { Heading } from '../../widgets/heading.js';
import { Table } from '../../widgets/table.js';
import { useSelect } from '../../widgets/select/use-select.js';
import { useSelectState } from '../../widgets/select/use-select-state.js';

export function SignoffScreen({ roleId, itemId, active }: { roleId?: string; itemId?: string; active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, size, bodyRows } = tui;
  const roles = session.checklist.roles;
  const select = useSelectState(roles.length, Math.max(0, roles.findIndex((r) => r.id === roleId)));
  const role = roles[select.index];
  const item = itemId ? session.findItem(itemId)?.item : undefined;

  // A role's sign-off is the result of its item in a sign-off section, however it was chosen: signed
  // from this table, the item would otherwise stay pending while the sign-off is recorded.
  const itemFor = (roleId: string): ChecklistItem | undefined => {
    if (item?.owner === roleId) return item;
    const owned = session.checklist.sections
      .filter((s) => s.kind === 'signoff')
      .flatMap((s) => s.items.filter((i) => i.owner === roleId && !i.run).map((i) => ({ section: s, item: i })));
    return (owned.find((o) => itemState(state, o.section.id, o.item.id)?.status !== 'pass') ?? owned[0])?.item;
  };

  const signFor = (index = select.index): void => {
    const role = roles[index];
    if (!role) return;
    const held = state.roles[role.id];
    const forItem = itemFor(role.id);
    const warning = signoffWarning(session.checklist, state);
    tui.openDialog({
      kind: 'prompt',
      title: `Sign off as ${role.title}${forItem ? `: ${forItem.title}` : ''}`,
      lines: [...(warning ? [warning] : []), 'Name of the person signing off (recorded with the time).'],
      initial: held && !held.tbd ? held.name : '',
      required: 'a sign-off needs a name',
      // A key pressed twice (S, then S again in the prompt) is not a name.
      check: (name) => (name.trim().length < 2 ? `"${name.trim()}" is not a name: type the name of the person signing off` : undefined),
      onSubmit: (name) => {
        const who = name.trim();
        const record = async (): Promise<void> => {
          await session.signOff(role.id, who, '', forItem?.id);
          // The sign-off is the item's result: without a mark it would stay pending in the checklist.
          const found = forItem ? session.findItem(forItem.id) : undefined;
          if (found && itemState(session.state, found.section.id, found.item.id)?.status !== 'pass') {
            await session.markItem(found.section.id, found.item.id, 'pass', `signed off by ${who} (${role.title})`);
          }
        };
        void tui.perform(`recording the sign-off of ${role.title}`, record, () => `${role.title} signed off: ${who}`).then((r) => {
          if (r.ok) select.dispatch({ type: 'down' });
        });
      },
    });
  };

  // Opened from a sign-off item: ask for the name of its owner at once.
  useEffect(() => {
    if (item && role && item.owner === role.id) signFor();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useSelect(select, { active, onSelect: signFor, onBack: () => tui.go({ name: 'main' }), onHelp: tui.showHelp, onQuit: tui.requestQuit, onUnknown: (text) => tui.say(text, 'info') });

  const selectedItem = role ? itemFor(role.id) : undefined;
  const at = (iso: string): string => `${clockTime(iso)}${state.t0 ? ` (${formatOffset(Date.parse(iso) - Date.parse(state.t0))})` : ''}`;
  const data = roles.map((r) => {
    const signed = state.signoffs.filter((s) => s.role === r.id).at(-1);
    return { role: r.title, 'signed by': signed?.name ?? '', at: signed ? at(signed.at) : '', item: signed?.item ?? '' };
  });
  return (
    <Box flexDirection="column" height={bodyRows}>
      <Heading text={`Sign-off${selectedItem ? ` — ${selectedItem.title}` : ''} (Enter signs for the selected role)`} width={size.columns} maxRows={Math.min(2, bodyRows - roles.length - 1)} />
      {roles.length ? <Table data={data} width={size.columns} selected={select.index} /> : <Text dimColor>This checklist declares no roles to sign off.</Text>}
    </Box>
  );
}
