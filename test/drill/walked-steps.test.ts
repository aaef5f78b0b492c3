// A drill walked in the TUI walks the manual steps a headless drill records as not run: their times
// are not alike. The rollback (and a section, and the total) that holds such a step is compared only
// with drills that walked the same steps, and every view says plainly why it is not compared, instead
// of calling the TUI drill "slower" for steps the headless one skipped.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDelta } from '../../src/domain/drill-compare.js';
import { formatDuration } from '../../src/domain/duration.js';
import { compareWithEarlierDrills } from '../../src/services/drill-history.js';
import { CutoverSession } from '../../src/services/session.js';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch } from '../headless/helpers.js';
import { renderTui, sessionsClosedAfterEach } from '../ui/helpers.js';

afterAll(cleanScratch);
const sessions = sessionsClosedAfterEach();

const CHECKLIST = `id: walked
title: Walked
version: "1"
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - { id: check, title: Check, run: echo ok }
  - id: rollback
    title: Rollback
    kind: rollback
    items:
      - { id: announce, title: Announce the rollback }
      - { id: switch-back, title: Switch back, run: echo back }
`;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A drill walked as in the TUI: the manual rollback step takes the operator a moment, then is marked done. */
async function walkedDrill(dir: string, file: string): Promise<CutoverSession> {
  const session = await CutoverSession.start({ checklistPath: file, evidenceDir: dir, ticket: 'TUI-1', environment: 'test', operator: 'op', mode: 'drill', variables: {} });
  sessions.push(session);
  await session.runItem('smoke', 'check');
  await pause(400);
  await session.markItem('rollback', 'announce', 'pass');
  await session.runItem('rollback', 'switch-back');
  return session;
}

describe('a drill that walked manual steps against headless drills that did not', () => {
  const file = join(scratch(), 'walked.yaml');
  writeFileSync(file, CHECKLIST);

  it('compares only like with like, and says why the rest is not compared', async () => {
    const dir = scratch();
    expect(runCli(['run', file, '--headless', '--drill', '--ticket', 'H-1', '--evidence-dir', dir]).code).toBe(0);
    const session = await walkedDrill(dir, file);
    const { comparison } = await compareWithEarlierDrills(dir, session.store.header, session.checklist, session.store.events);
    // the rollback holds the manual step the headless drill did not run: not "slower", not compared
    expect(describeDelta(comparison.rollback, formatDuration)).toBe('not compared: other steps walked');
    expect(comparison.rollback).toMatchObject({ unlike: 1 });
    expect(comparison.rollback.deltaMs).toBeUndefined();
    expect(describeDelta(comparison.sections.find((c) => c.key === 'rollback') ?? comparison.total, formatDuration)).toBe('not compared: other steps walked');
    // the smoke section and the steps both drills walked are still compared
    expect(comparison.sections.find((c) => c.key === 'smoke')?.medianMs).toBeDefined();
    expect(comparison.items.find((c) => c.key === 'switch-back')?.medianMs).toBeDefined();
    expect(comparison.walkedNote).toBe('this drill walked step announce that the earlier drill did not run: times that include them are compared only with drills that walked the same steps (a headless drill does not run manual steps)');

    // D says the same
    const ui = renderTui({ session, columns: 100, rows: 30 });
    await ui.waitFor('D summary');
    await ui.press('D');
    const frame = await ui.waitFor('against 1 earlier drill');
    expect(frame).toMatch(/^\s+rollback\s+\S+\s+-\s+-\s+-\s+not compared: other steps walked/m);
    // the rollback and its section are not compared; the smoke check is (it may read slower under load)
    expect(frame).not.toMatch(/^\s+(rollback|Rollback)\s.*(slower|faster)/m);
    expect(frame).toContain('this drill walked step announce that the earlier drill did not run');
    ui.unmount();

    // and so does the report, once the drill is finished
    await session.finish('drill done');
    const report = runCli(['report', session.evidencePath]).stdout;
    expect(report).toMatch(/^\| \*\*Rollback\*\* \(its sections end to end\) \| [^|]+ \| — \| — \| — \| not compared: other steps walked \|$/m);
    expect(report).toContain('Note: this drill walked step announce that the earlier drill did not run');
    await session.close();

    // a headless drill after it: its rollback is compared with H-1 only, and its summary says why
    const after = runCli(['run', file, '--headless', '--drill', '--ticket', 'H-2', '--evidence-dir', dir]);
    expect(after.stdout).toMatch(/^ {7}note: this drill did not run step announce that 1 of the 2 earlier drills walked: /m);
    expect(after.stdout).toMatch(/^drill: total \S+ \([^)]*\), rollback \S+ \((same as median|\S+ (faster|slower) than median)\) against 2 earlier drills$/m);
    const drills = runCli(['drills', 'walked', '--evidence-dir', dir]).stdout;
    expect(drills).toContain('note: this drill did not run step announce that 1 of the 2 earlier drills walked');
  });
});
