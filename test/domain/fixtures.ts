// Builders for domain tests: a small checklist and events with placeholder hashes.
import { ChecklistBase, type Checklist, type ChecklistInput } from '../../src/domain/checklist-schema.js';
import type { EventBody, EvidenceEvent, EvidenceHeader } from '../../src/domain/events.js';
import { EventBody as EventBodySchema } from '../../src/domain/events.js';

export function checklist(input: Partial<ChecklistInput> = {}): Checklist {
  return ChecklistBase.parse({
    id: 'test',
    title: 'Test',
    version: '1',
    roles: [{ id: 'rm', title: 'Release manager', required: true }],
    severity: {
      levels: [
        { id: 'SEV0', title: 'Critical', criteria: ['data loss'] },
        { id: 'SEV1', title: 'Major' },
      ],
      rules: [
        { id: 'any-sev0', text: 'any SEV0 => rollback', when: { severity: 'SEV0' }, recommend: 'rollback' },
        { id: 'two-sev1', text: '2+ SEV1 within 24h => consider rollback', when: { severity: 'SEV1', atLeast: 2, within: '24h', includeResolved: true }, recommend: 'consider-rollback' },
        { id: 'manual', text: 'latency > SLA', recommend: 'rollback' },
      ],
    },
    sections: [
      { id: 'gates', title: 'Gates', kind: 'gates', items: [{ id: 'g1', title: 'Preflight', run: 'true' }] },
      { id: 'timeline', title: 'Timeline', kind: 'timeline', items: [
        { id: 't-60', title: 'Preflight', at: 'T-60' },
        { id: 't-10', title: 'Go/no-go', at: 'T-10' },
        { id: 'tp10', title: 'Validate health', at: 'T+10' },
        { id: 'tp30', title: 'Decide', at: 'T+30' },
      ] },
      { id: 'smoke', title: 'Smoke', kind: 'smoke', items: [{ id: 's1', title: 'Health', run: 'curl x' }, { id: 's2', title: 'Version' }] },
      { id: 'rollback', title: 'Rollback', kind: 'rollback', items: [{ id: 'rb1', title: 'Switch back', run: 'true' }] },
    ],
    ...input,
  });
}

export const header: EvidenceHeader = {
  format: 'cutover-evidence/1',
  sessionId: 'test-20261122-000000-abcd',
  toolVersion: 'test',
  createdAt: '2026-11-22T00:00:00.000Z',
  checklist: { id: 'test', title: 'Test', version: '1', sha256: 'x', path: '/x.yaml', snapshot: 's.yaml' },
  host: 'h',
  operator: 'op',
  ticket: 'CHG-1',
  environment: 'prod',
  mode: 'drill',
  variables: {},
};

/** Events at one-second steps from `start` (or at explicit offsets via `at`). */
export function events(bodies: Array<EventBody & { offset?: number }>, start = Date.parse(header.createdAt)): EvidenceEvent[] {
  return bodies.map(({ offset, ...body }, i) => ({
    ...(EventBodySchema.parse(body) as object),
    seq: i + 1,
    ts: new Date(start + (offset ?? i * 1000)).toISOString(),
    by: 'op',
    prev: `h${i}`,
    hash: `h${i + 1}`,
  })) as EvidenceEvent[];
}
