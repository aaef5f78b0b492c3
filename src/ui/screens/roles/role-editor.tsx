// Filling in one role: name, contact, backup. Enter on the last field (or Ctrl-S) records it.
import { Box, Text } from 'ink';
import React, { useMemo } from 'react';
import type { ChecklistRole } from '../../../domain/checklist-schema.js';
import { Form } from '../../widgets/form/form.js';
import { useForm } from '../../widgets/form/use-form.js';
import { useFormState, type FieldSpec } from '../../widgets/form/use-form-state.js';

export interface RoleValues {
  name: string;
  contact: string;
  backup: string;
}

const FIELDS: FieldSpec[] = [
  { id: 'name', label: 'Name', hint: 'who holds the role now · Enter saves, Tab: contact and backup' },
  { id: 'contact', label: 'Contact', hint: 'phone, chat handle or pager (optional)' },
  { id: 'backup', label: 'Backup', hint: 'who steps in (optional)' },
  { id: 'save', label: 'Save', kind: 'button', hint: 'Enter records the role (from any field)' },
];

export function RoleEditor(props: {
  role: ChecklistRole;
  initial: RoleValues;
  width: number;
  height: number;
  /** A round border around it, when the screen has the rows. */
  bordered?: boolean;
  onSave: (values: RoleValues) => void;
  onCancel: () => void;
  problem?: string;
  active: boolean;
}): React.JSX.Element {
  const initial = useMemo(() => ({ ...props.initial }), [props.initial]);
  const form = useFormState(FIELDS, initial);
  useForm(FIELDS, form, {
    active: props.active,
    enterSubmits: true,
    guardDiscard: true,
    onSubmit: (values) => props.onSave({ name: values.name?.trim() ?? '', contact: values.contact?.trim() ?? '', backup: values.backup?.trim() ?? '' }),
    onCancel: props.onCancel,
  });
  return (
    <Box flexDirection="column" borderStyle={props.bordered === false ? undefined : 'round'} paddingX={props.bordered === false ? 0 : 1}>
      <Text bold wrap="truncate">
        {props.role.title}
        {props.role.required ? ' (required before T0)' : ''}
      </Text>
      {props.role.description ? (
        <Text dimColor wrap="truncate">
          {props.role.description}
        </Text>
      ) : null}
      <Form fields={FIELDS} state={form.state} height={props.height} width={props.width - (props.bordered === false ? 0 : 4)} problem={props.problem} />
    </Box>
  );
}
