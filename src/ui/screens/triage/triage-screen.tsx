// Declaring an incident: every severity level with its criteria, the level, a title and what
// happened. The severity rules are evaluated as the form changes: what they say now and what
// they would say once this incident is declared.
import { Box, Text } from 'ink';
import React, { useMemo } from 'react';
import { headlineWithDecision } from '../../../domain/recommendation-decision.js';
import { evaluateRules, manualTriggers, type Evaluation } from '../../../domain/severity-rules.js';
import type { SessionState } from '../../../domain/session-state.js';
import type { TriagePreset } from '../../app/screens.js';
import { useSessionTui } from '../../app/tui-context.js';
import { sessionTime } from '../../format.js';
import { recommendationColor } from '../../theme.js';
import { Form } from '../../widgets/form/form.js';
import { useFieldProblem } from '../../widgets/form/use-field-problem.js';
import { useForm } from '../../widgets/form/use-form.js';
import { useFormState, type FieldSpec } from '../../widgets/form/use-form-state.js';
import { SeverityLevels } from './severity-levels.js';

export function TriageScreen({ preset, back = 'main', active }: { preset?: TriagePreset; back?: 'main' | 'incidents'; active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, bodyRows, size } = tui;
  const levels = session.checklist.severity.levels;
  const ids = levels.length ? levels.map((l) => l.id) : ['SEV0', 'SEV1', 'SEV2'];
  const fields: FieldSpec[] = useMemo(
    () => [
      { id: 'severity', label: 'Severity', kind: 'choice', choices: ids, hint: '←/→ or the first letter picks the level' },
      { id: 'title', label: 'Title', hint: 'what is wrong, in one line' },
      { id: 'description', label: 'What happened', hint: 'optional: symptoms, scope, first seen' },
      { id: 'declare', label: 'Declare incident', kind: 'button', hint: 'Enter records it (Ctrl-S from any field)' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.join()],
  );
  const start = preset?.severity && ids.includes(preset.severity) ? preset.severity : ids[0] ?? '';
  const form = useFormState(fields, { severity: start, title: preset?.title ?? '', description: '' }, preset?.title ? 2 : 0);
  const { problem, tell } = useFieldProblem(form);
  const values = form.state.values;

  // As the header says it: a decision already taken answers the recommendation until evidence
  // its rule counts arrives, so the preview tells whether this incident asks for a new one.
  const decided = (evaluation: Evaluation, at: SessionState): string => headlineWithDecision(evaluation, at, (iso) => sessionTime(at.t0, iso));

  useForm(fields, form, {
    active,
    guardDiscard: true,
    onCancel: () => tui.go({ name: back }),
    onSubmit: (v) => {
      if (!v.title?.trim()) {
        tell('an incident needs a title', 'title');
        form.dispatch({ type: 'focusAt', index: 1 });
        return;
      }
      const input = { severity: v.severity ?? start, title: v.title.trim(), description: v.description?.trim(), section: preset?.section, item: preset?.item };
      void tui.perform(`declaring ${input.severity}`, () => session.declareIncident(input), (inc) => `${inc.incidentId} declared (${inc.severity}): ${decided(session.evaluation, session.state)}`).then((r) => {
        if (r.ok) tui.go({ name: back }, { keepStatus: true });
      });
    },
  });

  const now = session.evaluation;
  const previewState = withIncident(state, values.severity ?? start);
  const preview = evaluateRules(session.checklist, previewState);
  const manual = manualTriggers(session.checklist);
  // The heading, the form and what the rules will say once declared always show; the levels and
  // their criteria get the rest, then what the rules say now, then the manual triggers.
  const formHeight = Math.min(6, Math.max(2, bodyRows - 2));
  const spare = bodyRows - 2 - formHeight;
  const showNow = spare >= 3;
  const showManual = manual.length > 0 && spare >= 5;
  const levelHeight = Math.max(0, spare - (showNow ? 1 : 0) - (showManual ? 1 : 0));
  return (
    <Box flexDirection="column" height={bodyRows}>
      <Text bold>Declare an incident</Text>
      {levelHeight ? <SeverityLevels levels={levels} chosen={values.severity ?? start} height={levelHeight} /> : null}
      <Form fields={fields} state={form.state} height={formHeight} width={size.columns} problem={problem} />
      {showNow ? (
        <Text wrap="truncate" color={recommendationColor(now.recommendation)}>
          now: {decided(now, state)}
        </Text>
      ) : null}
      <Text wrap="truncate" bold color={recommendationColor(preview.recommendation)}>
        once declared: {decided(preview, previewState)}
      </Text>
      {showManual ? (
        <Text wrap="truncate" dimColor>
          judge also: {manual.map((r) => r.text).join(' · ')}
        </Text>
      ) : null}
    </Box>
  );
}

/** The state as it would be with one more open incident of `severity`, for the live preview. */
function withIncident(state: SessionState, severity: string): SessionState {
  const at = new Date().toISOString();
  return { ...state, incidents: [...state.incidents, { incidentId: 'preview', severity, title: '', description: '', declaredAt: at }] };
}
