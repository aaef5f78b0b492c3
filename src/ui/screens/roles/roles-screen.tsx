// Roles: who holds which role. Required roles block T0 until filled or acknowledged TBD (which
// is recorded as such).
import { Box, Text } from 'ink';
import React from 'react';
import type { ChecklistRole } from '../../../domain/checklist-schema.js';
import { useSessionTui } from '../../app/tui-context.js';
import { actionFor } from '../../keys/keymap.js';
import { unknownKeyText } from '../../keys/unknown-key.js';
import { useKeys } from '../../keys/use-keys.js';
import { clockTime } from '../../format.js';
import { color } from '../../theme.js';
import { Heading } from '../../widgets/heading.js';
import { Table } from '../../widgets/table.js';
import { useSelectState } from '../../widgets/select/use-select-state.js';
import { useMarkT0 } from '../use-mark-t0.js';
import { RoleEditor, type RoleValues } from './role-editor.js';
import { rolesLayout } from './roles-layout.js';

export function RolesScreen({ active }: { active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, size, bodyRows } = tui;
  const roles = session.checklist.roles;
  const select = useSelectState(roles.length);
  // Kept in the screen itself, so that the footer and `?` show the form's keys while it is open.
  const editing = tui.screen.name === 'roles' && !!tui.screen.editing;
  const setEditing = (on: boolean): void => tui.go({ name: 'roles', editing: on });
  const markT0 = useMarkT0();
  const role = roles[select.index];

  const acknowledgeTbd = (target: ChecklistRole): void => {
    const record = (): void =>
      void tui.perform(`acknowledging ${target.title} as TBD`, () => session.assignRole(target.id, { name: '', tbd: true }), () => `${target.title}: TBD (acknowledged)`);
    const held = state.roles[target.id];
    // u pressed again (expecting it to go on to the next role) must not record the same TBD again
    if (held?.tbd) return tui.say(`${target.title} is already acknowledged TBD: ↓/j goes to the next role`, 'info');
    if (!held) return record();
    // One key must not quietly replace a person with TBD.
    tui.openDialog({
      kind: 'confirm',
      title: `Replace ${held.name} as ${target.title} with TBD?`,
      lines: ['Both are recorded: the evidence keeps who held the role before.'],
      choices: [
        { key: 'n', label: `keep ${held.name}`, onChoose: () => undefined },
        { key: 'y', label: 'mark TBD', onChoose: record },
      ],
    });
  };

  useKeys(
    (event) => {
      const action = actionFor('roles', event);
      if (action === 'up' || action === 'down') select.dispatch({ type: action });
      else if (action === 'select' && role) setEditing(true);
      else if (action === 'tbd' && role) acknowledgeTbd(role);
      else if (action === 't0') markT0();
      else if (action === 'back') tui.go({ name: 'main' });
      else if (action === 'help') tui.showHelp();
      else if (action === 'quit') tui.requestQuit();
      else if (!action) {
        const unknown = unknownKeyText('roles', event);
        if (unknown) tui.say(unknown, 'info');
      }
    },
    { active: active && !editing },
  );

  const save = (values: RoleValues): void => {
    if (!role) return;
    void tui.perform(`recording ${role.title}`, () => session.assignRole(role.id, values), () => `${role.title}: ${values.name}`).then((r) => {
      if (!r.ok) return;
      setEditing(false);
      select.dispatch({ type: 'down' });
    });
  };

  const missing = session.missingRoles();
  const tbdRequired = roles.filter((r) => r.required && state.roles[r.id]?.tbd).length;
  const data = roles.map((r) => {
    const held = state.roles[r.id];
    return {
      role: r.title,
      req: r.required ? 'yes' : '',
      name: held ? (held.tbd ? 'TBD' : held.name) : '',
      contact: held?.contact ?? '',
      backup: held?.backup ?? '',
      status: held ? (held.tbd ? 'TBD ack' : '✓') : r.required ? 'MISSING' : '-',
    };
  });
  const current = role ? state.roles[role.id] : undefined;
  const layout = rolesLayout(bodyRows, roles.length, !!role?.description, editing);
  const heading = missing.length
    ? `Roles — T0 is blocked until these are filled or acknowledged TBD: ${missing.map((r) => r.title).join(', ')}`
    : `Roles — ${tbdRequired ? `every required role is filled or acknowledged TBD (${tbdRequired} TBD)` : 'every required role is filled'}${
        state.t0 ? ` · T0 marked at ${clockTime(state.t0)}` : ' · Esc: the checklist (t marks T0 once the cutover is executed)'
      }`;
  // The form's rows are counted with a one-row heading; the table leaves the rest to it.
  const headingRows = editing ? 1 : Math.min(3, bodyRows - (roles.length ? roles.length + 1 : 1));
  return (
    <Box flexDirection="column" height={bodyRows}>
      {layout.heading ? <Heading text={heading} tone={color(missing.length ? 'yellow' : 'green')} width={size.columns} maxRows={headingRows} /> : null}
      {roles.length === 0 ? <Text dimColor>This checklist declares no roles.</Text> : null}
      {roles.length && layout.table ? <Table data={data} columns={shownColumns(data, size.columns)} width={size.columns} selected={select.index} focused={!editing} /> : null}
      {editing && role ? (
        <RoleEditor
          role={layout.description ? role : { ...role, description: undefined }}
          initial={{ name: current && !current.tbd ? current.name : (role.name ?? ''), contact: current?.contact || role.contact || '', backup: current?.backup || role.backup || '' }}
          width={size.columns}
          height={layout.formRows}
          bordered={layout.border}
          onSave={save}
          onCancel={() => setEditing(false)}
          active={active}
        />
      ) : null}
    </Box>
  );
}

type RoleRow = Record<'role' | 'req' | 'name' | 'contact' | 'backup' | 'status', string>;

/** On a narrow terminal, contact and backup columns nobody filled give their room to the role's title. */
function shownColumns(rows: RoleRow[], columns: number): Array<keyof RoleRow> {
  const all: Array<keyof RoleRow> = ['role', 'req', 'name', 'contact', 'backup', 'status'];
  if (columns >= 80) return all;
  return all.filter((key) => (key !== 'contact' && key !== 'backup') || rows.some((row) => row[key]));
}
