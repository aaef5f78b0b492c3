// A session's incidents, the severity rules they fire, and overriding what a section requires
// (open incidents among it).
import { CutoverError, EXIT } from '../domain/errors.js';
import type { Incident } from '../domain/session-state.js';
import { ruleChanges } from '../domain/severity-rules.js';
import type { CutoverSession } from './session.js';

export interface IncidentInput {
  severity: string;
  title: string;
  description?: string;
  section?: string;
  item?: string;
}

export async function declareIncident(session: CutoverSession, input: IncidentInput): Promise<Incident> {
  const levels = session.checklist.severity.levels.map((l) => l.id);
  if (levels.length && !levels.includes(input.severity)) throw new CutoverError(`unknown severity ${input.severity} (levels: ${levels.join(', ')})`, EXIT.usage);
  const incidentId = `INC-${session.state.incidents.length + 1}`;
  const where = { ...(input.section ? { section: input.section } : {}), ...(input.item ? { item: input.item } : {}) };
  await session.append({ type: 'incident.declared', incidentId, severity: input.severity, title: input.title, description: input.description ?? '', ...where });
  await session.syncRules();
  return session.state.incidents.find((i) => i.incidentId === incidentId) as Incident;
}

export async function resolveIncident(session: CutoverSession, incidentId: string, note: string): Promise<void> {
  const incident = session.state.incidents.find((i) => i.incidentId === incidentId);
  if (!incident) throw new CutoverError(`no incident ${incidentId}`, EXIT.usage);
  // A second resolution would move the time it was resolved, which windowed rules count by.
  if (incident.resolvedAt) throw new CutoverError(`${incidentId} is already resolved (at ${incident.resolvedAt})`, EXIT.usage);
  await session.append({ type: 'incident.resolved', incidentId, note });
  await session.syncRules();
}

/** Goes into a section whose requirements are unmet, recording which ones. */
export async function recordOverride(session: CutoverSession, sectionId: string, reason: string): Promise<void> {
  const unmet = session.unmetRequirements(sectionId);
  await session.append({ type: 'override.recorded', section: sectionId, reason, unmet });
}

/** Records the section's `requires.text` not confirmed yet as confirmed by the operator (or the unattended run's flag). */
export async function confirmRequirements(session: CutoverSession, sectionId: string, opts: { unattended?: boolean }): Promise<void> {
  const texts = session.unconfirmedRequirements(sectionId);
  if (!texts.length) return;
  await session.append({ type: 'requirements.confirmed', section: sectionId, texts, ...(opts.unattended ? { unattended: true as const } : {}) });
}

/** Records rule.fired / rule.cleared for every change in which rules fire. */
export async function syncRules(session: CutoverSession): Promise<void> {
  for (const change of ruleChanges(session.evaluation, session.state)) await session.append(change);
}
