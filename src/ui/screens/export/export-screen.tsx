// Export: writes the incident package (a folder, or a .tar.gz when the path ends so) and shows
// where it went and how to verify it.
import { Box, Text } from 'ink';
import React, { useState } from 'react';
import { useSessionTui } from '../../app/tui-context.js';
import { clockTime } from '../../format.js';
import { displayPath } from '../../paths.js';
import { color } from '../../theme.js';
import { Form } from '../../widgets/form/form.js';
import { useForm } from '../../widgets/form/use-form.js';
import { useFormState, type FieldSpec } from '../../widgets/form/use-form-state.js';

/** Where an empty "Write to" goes: named before the operator writes, not only after. */
function fieldsFor(evidencePath: string): FieldSpec[] {
  const beside = `${displayPath(evidencePath).replace(/\.json$/, '')}.bundle`;
  return [
    { id: 'output', label: 'Write to', hint: `empty: the folder ${beside} (or -2, -3… if taken); a path ending in .tar.gz writes an archive`, placeholder: beside },
    { id: 'export', label: 'Export', kind: 'button', hint: 'Enter writes the package' },
  ];
}

export function ExportScreen({ active }: { active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, size, bodyRows } = tui;
  const [fields] = useState(() => fieldsFor(session.evidencePath));
  const form = useFormState(fields, { output: '' }, 1);
  const [written, setWritten] = useState<{ path: string; output: string; again: boolean }>();

  useForm(fields, form, {
    active,
    onCancel: () => tui.go({ name: 'main' }),
    onSubmit: (values) => {
      const output = values.output?.trim() ?? '';
      // An Enter pressed twice writes one package: another copy of the same one takes a second Enter.
      if (written && written.output === output && !written.again) {
        setWritten({ ...written, again: true });
        tui.say(`already written: ${displayPath(written.path)} · Enter again writes another copy, Esc goes back`, 'info');
        return;
      }
      void tui.perform('writing the incident package', () => session.exportBundle(output || undefined), (r) => `exported: ${displayPath(r.path)}`).then((r) => {
        if (r.ok) setWritten({ path: r.value.path, output, again: false });
      });
    },
  });

  return (
    <Box flexDirection="column" height={bodyRows}>
      <Text bold>Export the incident package</Text>
      <Text dimColor wrap="truncate">
        evidence.json, report.md, run logs, the checklist as used, SHA256SUMS
      </Text>
      <Form fields={fields} state={form.state} height={3} width={size.columns} />
      {written ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color={color('green')} bold wrap="truncate">
            ✓ written: {displayPath(written.path)}
          </Text>
          <Text wrap="truncate">verify with: cutover verify {displayPath(written.path)}</Text>
        </Box>
      ) : null}
      {state.exports.length ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Exported so far</Text>
          {state.exports.slice(-5).map((e, i) => (
            <Text key={i} dimColor wrap="truncate">
              {clockTime(e.at)} {e.format} {displayPath(e.path)}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
