// Shared by the store tests: a valid header, a fresh evidence dir, and a few ordinary events.
import { hostname } from 'node:os';
import type { EventBody, EvidenceHeader } from '../../src/domain/events.js';
import { EvidenceStore, newSessionId } from '../../src/services/evidence-store.js';
import { tempDir } from '../helpers/cli.js';

export function makeHeader(overrides: Partial<EvidenceHeader> = {}): EvidenceHeader {
  const sessionId = overrides.sessionId ?? newSessionId('db-failover');
  return {
    format: 'cutover-evidence/1',
    sessionId,
    toolVersion: '0.0.0-test',
    createdAt: new Date().toISOString(),
    checklist: { id: 'db-failover', title: 'DB failover', version: '3', sha256: 'a'.repeat(64), path: '/srv/db-failover.yaml', snapshot: `${sessionId}.checklist.yaml` },
    host: hostname(),
    operator: 'alice',
    ticket: 'CHG-1234',
    environment: 'production',
    mode: 'live',
    variables: { region: 'eu-west-1' },
    ...overrides,
  };
}

export const sampleBodies: EventBody[] = [
  { type: 'session.started', pid: 4242 },
  { type: 'role.assigned', role: 'ic', name: 'Bob' },
  { type: 't0.marked', at: '2030-01-01T02:00:00.000Z' },
  { type: 'note.added', text: 'replica lag 0s' },
  { type: 'item.marked', section: 'pre', item: 'backup', pass: 1, status: 'pass' },
  { type: 'incident.declared', incidentId: 'INC-1', severity: 'SEV2', title: 'latency' },
];

/** A closed store in a fresh directory holding `sampleBodies`, and its path. */
export async function storeWithEvents(bodies: readonly EventBody[] = sampleBodies): Promise<{ dir: string; path: string; header: EvidenceHeader }> {
  const dir = tempDir('cutover-store-');
  const header = makeHeader();
  const store = await EvidenceStore.create(dir, header, 'id: db-failover\n');
  for (const body of bodies) await store.append(body, 'alice');
  await store.close();
  return { dir, path: store.path, header };
}
