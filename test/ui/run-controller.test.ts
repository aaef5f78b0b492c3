// The TUI's one running command: an operator's cancel and cutover being stopped (the terminal
// closed) are both recorded, each with its own reason.
import { afterEach, describe, expect, it } from 'vitest';
import { cancelledBy } from '../../src/domain/stop-signals.js';
import { CutoverSession } from '../../src/services/session.js';
import { RunController } from '../../src/ui/run/run-controller.js';
import { fixture, tempEvidenceDir } from './helpers.js';

const open: CutoverSession[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function runningSlowItem(): Promise<{ session: CutoverSession; runs: RunController }> {
  const session = await CutoverSession.start({ checklistPath: fixture, evidenceDir: tempEvidenceDir(), ticket: 'T-1', environment: 'test', operator: 'ada', mode: 'live', variables: { region: 'eu' } });
  open.push(session);
  const runs = new RunController(() => session, 10);
  runs.start({ kind: 'check', sectionId: 'smoke', itemId: 'slow', title: 'slow' });
  const deadline = Date.now() + 5_000;
  while (!session.state.runOrder.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return { session, runs };
}

describe('RunController', () => {
  it('an operator cancel is recorded as "cancelled by operator"', async () => {
    const { session, runs } = await runningSlowItem();
    await runs.stop();
    const run = session.state.runs[session.state.runOrder[0] as string];
    expect(run?.finished).toMatchObject({ cancelled: true, reasons: ['cancelled by operator'] });
  });

  it('a stop because the terminal closed records that, not an operator cancel', async () => {
    const { session, runs } = await runningSlowItem();
    await runs.stop(cancelledBy('SIGHUP'));
    const run = session.state.runs[session.state.runOrder[0] as string];
    expect(run?.finished).toMatchObject({ cancelled: true, reasons: ['cancelled: the terminal closed (SIGHUP)'] });
  });
});
