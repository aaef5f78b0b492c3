// The reducer's cases for what goes wrong and what is decided about it: incidents, the severity
// rules they fire, the operator's decisions, and overrides and confirmations of a section's requirements.
import type { EventHandlers, Incident, SessionState } from './session-state-types.js';

export function openIncidents(state: SessionState): Incident[] {
  return state.incidents.filter((inc) => !inc.resolvedAt);
}

type IncidentEventType = 'incident.declared' | 'incident.resolved' | 'rule.fired' | 'rule.cleared' | 'decision.taken' | 'override.recorded' | 'requirements.confirmed';

export const incidentEvents: EventHandlers<IncidentEventType> = {
  'incident.declared': (state, event) => {
    state.incidents.push({
      incidentId: event.incidentId,
      severity: event.severity,
      title: event.title,
      description: event.description,
      declaredAt: event.ts,
      section: event.section,
      item: event.item,
    });
  },
  'incident.resolved': (state, event) => {
    state.incidents = state.incidents.map((inc) => (inc.incidentId === event.incidentId ? { ...inc, resolvedAt: event.ts, resolution: event.note } : inc));
  },
  'rule.fired': (state, event) => {
    state.firedRules[event.rule] = { recommend: event.recommend, text: event.text, reason: event.reason, at: event.ts };
  },
  'rule.cleared': (state, event) => {
    delete state.firedRules[event.rule];
  },
  'decision.taken': (state, event) => {
    state.decisions.push({ decision: event.decision, reason: event.reason, by: event.by, at: event.ts });
  },
  'override.recorded': (state, event) => {
    state.overrides.push({ section: event.section, reason: event.reason, unmet: event.unmet, at: event.ts });
  },
  'requirements.confirmed': (state, event) => {
    state.confirmations.push({ section: event.section, texts: event.texts, by: event.by, at: event.ts, unattended: event.unattended === true });
  },
};
