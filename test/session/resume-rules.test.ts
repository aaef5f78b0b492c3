// A crash between an event and the rule.fired it caused leaves the evidence without that rule:
// a resume brings the rules up to date before anything else, so the report and the header agree.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/services/evidence-store.js';
import { CutoverSession } from '../../src/services/session.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

const fixture = join(repoRoot, 'test/fixtures/session/basic.yaml');
const open: CutoverSession[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('resume after a crash between an incident and its rule', () => {
  it('records the rule.fired the crash kept from being written', async () => {
    const first = await CutoverSession.start({ checklistPath: fixture, evidenceDir: tempDir(), ticket: 'CHG-9', environment: 'prod', operator: 'ada', mode: 'live', variables: {} });
    // the incident is on disk, the process dies before syncing the rules
    await first.append({ type: 'incident.declared', incidentId: 'INC-1', severity: 'SEV0', title: 'down', description: '' });
    await first.close();
    expect((await readEvidence(first.evidencePath)).events.some((e) => e.type === 'rule.fired')).toBe(false);

    const resumed = await CutoverSession.resume(first.evidencePath);
    open.push(resumed);
    const { events } = await readEvidence(first.evidencePath);
    expect(events.find((e) => e.type === 'rule.fired')).toMatchObject({ rule: 'any-sev0', recommend: 'rollback' });
    expect(resumed.state.firedRules['any-sev0']).toBeDefined();
  });
});
