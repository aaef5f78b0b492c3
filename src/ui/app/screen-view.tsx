// Renders the current screen. Screens that need a session are only reached with one.
import { Text } from 'ink';
import React from 'react';
import { DecisionScreen } from '../screens/decision/decision-screen.js';
import { DrillSummaryScreen } from '../screens/drill/drill-summary-screen.js';
import { ExportScreen } from '../screens/export/export-screen.js';
import { HomeScreen } from '../screens/home/home-screen.js';
import { MainScreen } from '../screens/main/main-screen.js';
import { NewSessionScreen } from '../screens/new-session/new-session-screen.js';
import { PagerScreen } from '../screens/pager/pager-screen.js';
import { RolesScreen } from '../screens/roles/roles-screen.js';
import { RunningScreen } from '../screens/running/running-screen.js';
import { SignoffScreen } from '../screens/signoff/signoff-screen.js';
import { IncidentsScreen } from '../screens/triage/incidents-screen.js';
import { TriageScreen } from '../screens/triage/triage-screen.js';
import type { Screen } from './screens.js';

export function ScreenView({ screen, active, hasSession }: { screen: Screen; active: boolean; hasSession: boolean }): React.JSX.Element {
  if (screen.name === 'home') return <HomeScreen active={active} />;
  if (screen.name === 'new-session') return <NewSessionScreen checklistRef={screen.ref} loaded={screen.loaded} prefill={screen.prefill} fromHome={screen.fromHome} active={active} />;
  if (!hasSession) return <Text>No session: this screen needs one.</Text>;
  switch (screen.name) {
    case 'main':
      return <MainScreen active={active} />;
    case 'roles':
      return <RolesScreen active={active} />;
    case 'running':
      return <RunningScreen active={active} />;
    case 'pager':
      return <PagerScreen key={screen.runId} runId={screen.runId} back={screen.back} active={active} />;
    case 'triage':
      return <TriageScreen preset={screen.preset} back={screen.back ?? 'main'} active={active} />;
    case 'incidents':
      return <IncidentsScreen active={active} />;
    case 'decision':
      return <DecisionScreen active={active} />;
    case 'signoff':
      return <SignoffScreen roleId={screen.roleId} itemId={screen.itemId} active={active} />;
    case 'export':
      return <ExportScreen active={active} />;
    case 'drill-summary':
      return <DrillSummaryScreen active={active} />;
  }
}
