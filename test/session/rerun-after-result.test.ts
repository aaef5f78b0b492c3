// Through the real session service: a failed check run again and cut short by a crash (its
// command.started on disk, the process killed before command.finished) still holds once the
// resume records it interrupted; and a pass marked by hand is not shown as the note of a later
// failing run.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/domain/report.js';
import { currentPass } from '../../src/domain/session-state.js';
import { readEvidence } from '../../src/services/evidence-store.js';
import { loadReportInput } from '../../src/services/report-input.js';
import { CutoverSession } from '../../src/services/session.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

const fixture = join(repoRoot, 'test/fixtures/session/basic.yaml');
const HOLD = 'HOLD — 1 check failed in smoke: a failed smoke check => hold';
const open: CutoverSession[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

const start = () => CutoverSession.start({ checklistPath: fixture, evidenceDir: tempDir(), ticket: 'CHG-7', environment: 'prod', operator: 'ada', mode: 'live', variables: {} });

async function report(evidencePath: string): Promise<string> {
  return renderReport((await loadReportInput(evidencePath)).input);
}

describe('a failed check re-run, the process killed mid-run', () => {
  it('is recorded interrupted on resume and still holds: no rule.cleared, HOLD in the header and the report', async () => {
    const first = await start();
    await first.runItem('smoke', 'hello', { command: 'echo nope; exit 1' });
    expect(first.evaluation.headline).toBe(HOLD);
    // The re-run as a kill -9 leaves it: started, never finished.
    const runId = `r${String(first.state.runOrder.length + 1).padStart(4, '0')}`;
    const log = first.store.runLogRelative(runId);
    await first.append({ type: 'command.started', runId, section: 'smoke', item: 'hello', pass: currentPass(first.state, 'smoke'), command: 'echo hello world', edited: false, purpose: 'check', cwd: '/', log });
    await first.close();

    const resumed = await CutoverSession.resume(first.evidencePath);
    open.push(resumed);
    const { events } = await readEvidence(first.evidencePath);
    expect(events.some((e) => e.type === 'command.interrupted' && e.runId === runId)).toBe(true);
    expect(events.filter((e) => e.type === 'rule.fired' || e.type === 'rule.cleared').map((e) => e.type)).toEqual(['rule.fired']);
    expect(resumed.state.items['smoke/hello']?.status).toBe('interrupted');
    expect(resumed.evaluation.headline).toBe(HOLD);
    const text = await report(first.evidencePath);
    expect(text).toContain(`> **Recommendation:** ${HOLD}`);
    expect(text).not.toContain('No rule firing');

    // Only a new result ends it.
    await resumed.runItem('smoke', 'hello');
    expect(resumed.evaluation.recommendation).toBe('none');
    expect((await readEvidence(first.evidencePath)).events.at(-1)).toMatchObject({ type: 'rule.cleared', rule: 'smoke-failed' });
  });
});

describe('a pass marked by hand, then a failing run', () => {
  it('shows FAIL without the pass note; the report timeline keeps the note with the mark', async () => {
    const session = await start();
    open.push(session);
    await session.markItem('smoke', 'hello', 'pass', 'verified by hand, all good');
    await session.runItem('smoke', 'hello', { command: 'echo nope; exit 1' });
    expect(session.state.items['smoke/hello']).toMatchObject({ status: 'fail', note: '' });
    const text = await report(session.evidencePath);
    expect(text).not.toContain('Note: verified by hand, all good');
    expect(text).toContain('marked **PASS** — verified by hand, all good');
  });
});
