// A decision (keep, fix-forward, rollback, roll-forward, go, no-go, hold) with its reason,
// recorded with who took it. The rules' current recommendation is shown above it.
import { Box, Text } from 'ink';
import React from 'react';
import type { DecisionKind } from '../../../domain/events.js';
import { useSessionTui } from '../../app/tui-context.js';
import { sessionTime } from '../../format.js';
import { recommendationColor } from '../../theme.js';
import { Form } from '../../widgets/form/form.js';
import { useFieldProblem } from '../../widgets/form/use-field-problem.js';
import { useForm } from '../../widgets/form/use-form.js';
import { useFormState, type FieldSpec } from '../../widgets/form/use-form-state.js';
import { Heading, headingRows } from '../../widgets/heading.js';
import { sectionAfterDecision } from './section-after-decision.js';

// Typed by DecisionKind, so a decision added to the events schema must be explained here. (The
// list is not imported from the schema module: that would load zod before the first frame.)
export const DECISION_MEANING: Record<DecisionKind, string> = {
  keep: 'keep the cutover as it is',
  'fix-forward': 'keep it and fix the problem in place',
  rollback: 'go back to the previous system',
  'roll-forward': 'switch to the new system again, after a fix',
  go: 'gates passed: proceed with the cutover',
  'no-go': 'do not cut over',
  hold: 'pause; decide later',
};

const FIELDS: FieldSpec[] = [
  { id: 'decision', label: 'Decision', kind: 'choice', choices: Object.keys(DECISION_MEANING), hint: '←/→ or the first letter picks the decision' },
  { id: 'reason', label: 'Reason', hint: 'why (required; recorded with your name and the time)' },
  { id: 'record', label: 'Record decision', kind: 'button', hint: 'Enter records it (Ctrl-S from any field)' },
];

export function suggestedDecision(recommendation: string): DecisionKind {
  if (recommendation === 'rollback' || recommendation === 'consider-rollback') return 'rollback';
  if (recommendation === 'fix-forward') return 'fix-forward';
  if (recommendation === 'hold') return 'hold';
  return 'keep';
}

export function DecisionScreen({ active }: { active: boolean }): React.JSX.Element {
  const tui = useSessionTui();
  const { session, state, size, bodyRows } = tui;
  const evaluation = session.evaluation;
  const form = useFormState(FIELDS, { decision: suggestedDecision(evaluation.recommendation), reason: '' });
  const { problem, tell } = useFieldProblem(form);
  const chosen = (form.state.values.decision ?? 'keep') as DecisionKind;

  useForm(FIELDS, form, {
    active,
    guardDiscard: true,
    onCancel: () => tui.go({ name: 'main' }),
    onSubmit: (values) => {
      const reason = values.reason?.trim() ?? '';
      if (!reason) {
        tell('a decision needs a reason', 'reason');
        form.dispatch({ type: 'focusAt', index: 1 });
        return;
      }
      const decision = (values.decision ?? 'keep') as DecisionKind;
      const next = sectionAfterDecision(session.checklist, state, decision);
      const told = next ? ` · next: ${next.section.title}` : '';
      void tui.perform(`recording ${decision}`, () => session.decide(decision, reason), () => `decision recorded: ${decision}${told}`).then((r) => {
        if (!r.ok) return;
        if (next) tui.cursor.goTo(next.section.id, next.itemId);
        tui.go({ name: 'main' }, { keepStatus: true });
      });
    },
  });

  const at = (iso: string): string => sessionTime(state.t0, iso);
  // Title, recommendation and the chosen decision's meaning always show; the form gets up to 5
  // rows; what is left goes to other firing rules, a gap, then the latest earlier decisions.
  const formHeight = Math.min(5, Math.max(2, bodyRows - 3));
  let spare = bodyRows - 3 - formHeight;
  // what the rules recommend is what is being decided on: it wraps rather than being cut, first
  const recommendationRows = Math.min(3, headingRows(evaluation.headline, size.columns), 1 + Math.max(0, spare));
  spare -= recommendationRows - 1;
  const firing = evaluation.firing.slice(1, 1 + Math.max(0, Math.min(2, spare)));
  spare -= firing.length;
  const gap = spare-- > 0;
  const past = spare >= 2 ? state.decisions.slice(-(spare - 1)) : [];
  return (
    <Box flexDirection="column" height={bodyRows}>
      <Text bold>Record a decision</Text>
      <Heading text={evaluation.headline} width={size.columns} maxRows={recommendationRows} tone={recommendationColor(evaluation.recommendation)} />
      {firing.map((f) => (
        <Text key={f.rule.id} wrap="truncate" dimColor>
          also firing: {f.rule.text} ({f.reason})
        </Text>
      ))}
      {gap ? <Text> </Text> : null}
      <Form fields={FIELDS} state={form.state} height={formHeight} width={size.columns} problem={problem} />
      <Text dimColor wrap="truncate">
        {chosen}: {DECISION_MEANING[chosen]}
      </Text>
      {past.length ? <Text bold>Earlier decisions</Text> : null}
      {past.map((d, i) => (
        <Text key={i} wrap="truncate">
          {at(d.at)} {d.decision} — {d.reason} <Text dimColor>({d.by})</Text>
        </Text>
      ))}
    </Box>
  );
}
