// Always on screen: checklist, ticket, environment, DRILL, the T+ clock, counts, open incidents,
// the recommendation of the severity rules, what the cutover clock says is due (checklists with a
// timeline), and where the evidence is saved.
import { Box, Text } from 'ink';
import React from 'react';
import { openIncidentsBySeverity, totals } from '../../domain/progress.js';
import type { SessionState } from '../../domain/session-state.js';
import type { CutoverSession } from '../../services/session.js';
import { sessionTime, truncate } from '../format.js';
import { headlineWithDecision } from '../../domain/recommendation-decision.js';
import { columnsOf } from '../../domain/plain-text.js';
import { displayPath } from '../paths.js';
import { color, recommendationColor } from '../theme.js';
import { hasTimeline } from '../timeline/use-timeline.js';
import { Clock } from './clock.js';
import { ReminderLine } from './reminder-line.js';

export interface HeaderInfo {
  title: string;
  ticket?: string;
  environment?: string;
  drill: boolean;
  /** Second line before a session exists. */
  note?: string;
}

/** Header lines for a terminal of `rows`; a checklist with a timeline gets a reminder line when there is room. */
export function headerRows(rows: number, timeline = false): number {
  if (rows >= 18) return timeline && rows >= 20 ? 5 : 4;
  return rows >= 10 ? 2 : 1;
}

/**
 * Ticket and environment as they fit in `room` columns. They are what an operator checks first
 * (is this production?), so the checklist title gives way to them; when even they do not fit, the
 * ticket is cut before the environment.
 */
export function ticketAndEnvironment(ticket: string | undefined, environment: string | undefined, room: number): string {
  const full = [ticket, environment].filter(Boolean).join(' · ');
  if (columnsOf(full) <= room || !ticket || !environment) return truncate(full, Math.max(1, room));
  const ticketRoom = room - columnsOf(environment) - 3;
  return ticketRoom >= 4 ? `${truncate(ticket, ticketRoom)} · ${environment}` : truncate(environment, Math.max(1, room));
}

function TitleLine({ info, t0, showClock, columns }: { info: HeaderInfo; t0?: string; showClock: boolean; columns: number }): React.JSX.Element {
  // the DRILL badge, the clock ("T0 not marked" at most), and at least a few letters of the title;
  // on a very narrow terminal the ticket and environment get 8 columns, or none rather than a wrap
  const fixed = (info.drill ? 8 : 0) + (showClock ? 14 : 0) + 3;
  const room = Math.max(columns - fixed - 8, Math.min(8, columns - fixed - 1));
  const meta = room >= 3 ? ticketAndEnvironment(info.ticket, info.environment, room) : '';
  return (
    // One line whatever happens: a wrapped title line would push the whole screen down.
    <Box height={1} overflow="hidden">
      {info.drill ? (
        // Never shrunk: a squeezed badge wraps onto a second line and pushes the whole screen down.
        <Box flexShrink={0}>
          <Text inverse bold color={color('yellow')}>
            {' DRILL '}
          </Text>
        </Box>
      ) : null}
      <Box flexShrink={1} marginLeft={info.drill ? 1 : 0}>
        <Text bold wrap="truncate">
          {info.title}
        </Text>
      </Box>
      {meta ? (
        <Box flexShrink={0}>
          <Text bold>{` · ${meta}`}</Text>
        </Box>
      ) : null}
      <Box flexGrow={1} />
      {showClock ? (
        <Box flexShrink={0}>
          <Text> </Text>
          <Clock t0={t0} />
        </Box>
      ) : null}
    </Box>
  );
}

function Counts({ session, state }: { session: CutoverSession; state: SessionState }): React.JSX.Element {
  const t = totals(session.checklist, state);
  const open = openIncidentsBySeverity(session.checklist, state);
  const waiting = t.pending + t.running + t.interrupted;
  return (
    <Text wrap="truncate">
      <Text color={color('green')}>✓ {t.pass} pass</Text>
      {'  '}
      <Text color={t.fail ? color('red') : undefined} bold={t.fail > 0}>
        ✗ {t.fail} fail
      </Text>
      {'  '}
      <Text dimColor>
        · {waiting} pending{t.skip ? `  – ${t.skip} skipped` : ''}
      </Text>
      {'   '}
      {open.length ? (
        <Text color={color('red')} bold>
          open incidents: {open.map((o) => `${o.severity}×${o.count}`).join(' ')}
        </Text>
      ) : (
        <Text dimColor>no open incidents</Text>
      )}
    </Text>
  );
}

export function Header(props: {
  info: HeaderInfo;
  session?: CutoverSession;
  state?: SessionState;
  rows: number;
  columns: number;
}): React.JSX.Element {
  const { info, session, state } = props;
  if (!session || !state) {
    const lines = headerRows(props.rows);
    return (
      <Box flexDirection="column">
        <TitleLine info={info} showClock={false} columns={props.columns} />
        {lines >= 2 && info.note ? (
          <Text dimColor wrap="truncate">
            {info.note}
          </Text>
        ) : null}
      </Box>
    );
  }
  const lines = headerRows(props.rows, hasTimeline(session.checklist));
  const evaluation = session.evaluation;
  return (
    <Box flexDirection="column">
      <TitleLine info={info} t0={state.t0} showClock columns={props.columns} />
      {lines >= 4 ? <Counts session={session} state={state} /> : null}
      {lines >= 2 ? (
        <Text bold color={recommendationColor(evaluation.recommendation)} wrap="truncate">
          {headlineWithDecision(evaluation, state, (iso) => sessionTime(state.t0, iso))}
        </Text>
      ) : null}
      {lines >= 5 ? <ReminderLine checklist={session.checklist} state={state} /> : null}
      {lines >= 4 ? (
        <Box>
          <Text dimColor>saved: </Text>
          <Text dimColor wrap="truncate-start">
            {displayPath(session.evidencePath)}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
