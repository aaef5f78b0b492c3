// New session: ticket, environment, operator, live or drill, and the checklist's variables.
// Flags pre-fill it; when they say everything, the Start button has focus and Enter starts.
import { userInfo } from 'node:os';
import { Box, Text } from 'ink';
import React, { useEffect, useMemo, useState } from 'react';
import type { FormPrefill } from '../../app/screens.js';
import { errorText, useTui } from '../../app/tui-context.js';
import type { LoadedForForm } from '../../app/tui-services.js';
import { color } from '../../theme.js';
import { Form } from '../../widgets/form/form.js';
import { useFieldProblem } from '../../widgets/form/use-field-problem.js';
import { useForm } from '../../widgets/form/use-form.js';
import { useFormState } from '../../widgets/form/use-form-state.js';
import { firstProblem, initialFocus, initialValues, sessionFields, variablesOf } from './session-fields.js';
import { shellWord } from '../../../domain/command-template.js';
import { plural } from '../../../domain/plural.js';

function loginName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? '';
  }
}

interface Props {
  checklistRef: string;
  loaded?: LoadedForForm;
  prefill: FormPrefill;
  fromHome: boolean;
  active: boolean;
}

/** Shows at once what the flags said; the checklist (and its variables) loads right after. */
export function NewSessionScreen(props: Props): React.JSX.Element {
  const tui = useTui();
  const [loaded, setLoaded] = useState(props.loaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    tui.services.loadChecklist(props.checklistRef).then(
      (result) => {
        if (!live) return;
        setLoaded(result);
        // the header shows the checklist's title from now on
        if (tui.screen.name === 'new-session') tui.go({ ...tui.screen, loaded: result });
      },
      (error: unknown) => live && tui.fail(error),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.checklistRef]);
  if (!loaded) {
    const { ticket, environment } = props.prefill;
    return (
      <Box flexDirection="column">
        <Text bold wrap="truncate">
          New session: {props.checklistRef}
        </Text>
        <Text dimColor>loading the checklist…</Text>
        {ticket || environment ? <Text wrap="truncate">{[ticket, environment].filter(Boolean).join(' · ')}</Text> : null}
      </Box>
    );
  }
  return <SessionForm {...props} loaded={loaded} />;
}

function SessionForm(props: Props & { loaded: LoadedForForm }): React.JSX.Element {
  const tui = useTui();
  const { checklist } = props.loaded;
  const fields = useMemo(() => sessionFields(checklist), [checklist]);
  const initial = useMemo(() => initialValues(checklist, props.prefill, loginName()), [checklist, props.prefill]);
  const form = useFormState(fields, initial, initialFocus(checklist, fields, initial));
  const { problem: shownProblem, tell } = useFieldProblem(form);

  const start = (values: Record<string, string>): void => {
    const found = firstProblem(checklist, fields, values);
    if (found) {
      const field = fields[found.focus]?.id;
      tell(found.message, field);
      form.dispatch({ type: 'focusAt', index: found.focus });
      return;
    }
    tell(undefined);
    void tui
      .perform('starting the session', () =>
        tui.services.startSession({
          checklistPath: props.loaded.path,
          evidenceDir: tui.services.evidenceDir,
          ticket: values.ticket?.trim() ?? '',
          environment: values.environment?.trim() ?? '',
          operator: values.operator?.trim() ?? '',
          mode: values.mode === 'drill' ? 'drill' : 'live',
          variables: variablesOf(values),
        }),
      )
      .then((result) => {
        if (!result.ok) return;
        tui.adoptSession(result.value);
        tui.go({ name: result.value.missingRoles().length ? 'roles' : 'main' });
      })
      .catch((error: unknown) => tell(errorText(error)));
  };

  useForm(fields, form, {
    active: props.active,
    onSubmit: start,
    onCancel: () => (props.fromHome ? tui.go({ name: 'home' }) : tui.requestQuit()),
    onHelp: tui.showHelp,
  });

  const drill = form.state.values.mode === 'drill';
  const warnings = props.loaded.warnings ?? 0;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        New session: {checklist.title} <Text dimColor>({props.loaded.displayPath})</Text>
      </Text>
      {drill ? (
        <Text color={color('yellow')} wrap="truncate">
          <Text inverse bold>
            {' DRILL '}
          </Text>{' '}
          a rehearsal: recorded as a drill; destructive items are refused
        </Text>
      ) : (
        <Text dimColor wrap="truncate">
          Nothing is recorded until you start. Evidence goes to {tui.services.evidenceDir}
        </Text>
      )}
      {warnings ? (
        <Text color={color('yellow')} wrap="truncate">
          {plural(warnings, 'checklist warning')}: cutover validate {shellWord(props.loaded.displayPath)} lists {warnings === 1 ? 'it' : 'them'}
        </Text>
      ) : null}
      <Form fields={fields} state={form.state} height={Math.max(3, tui.bodyRows - (warnings ? 3 : 2))} width={tui.size.columns} problem={shownProblem} />
    </Box>
  );
}
