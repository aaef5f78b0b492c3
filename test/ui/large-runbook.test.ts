// A long runbook and a long night: 800 items in 40 sections (test/fixtures/large/runbook.yaml)
// and a session of 10,000 events resumed in the TUI. The main screen keeps its lists and the
// item's clock status from one key to the next (worked out again only when the session records
// something or the clock ticks): what it shows must still follow both.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChecklistText } from '../../src/domain/checklist-parse.js';
import { renderDocument } from '../../src/domain/evidence-format.js';
import { headerHash, sealEvent } from '../../src/domain/hash-chain.js';
import { CutoverSession } from '../../src/services/session.js';
// @ts-expect-error the bench's plain-JavaScript session writer has no type declarations
import { writeLargeSession } from '../../bench/lib/large-session.mjs';
import { arrowDown, arrowRight, clockFixture, renderTui, sessionsClosedAfterEach, startSession, tab, tempEvidenceDir } from './helpers.js';

const sessions = sessionsClosedAfterEach();
const runbook = join(import.meta.dirname, '..', 'fixtures', 'large', 'runbook.yaml');

async function resumeLongNight() {
  const dir = tempEvidenceDir();
  const written = writeLargeSession(dir, { sealEvent, headerHash, renderDocument, parseChecklistText }, { checklistPath: runbook, events: 10_000, sessionId: 'large-20261123-010000-beef' }) as { path: string; events: number };
  const session = await CutoverSession.resume(written.path);
  sessions.push(session);
  return { session, events: written.events, ui: renderTui({ session, columns: 100, rows: 30 }) };
}

/** The item list's row of `title`: its status mark. */
function rowMark(frame: string, title: string): string | undefined {
  return frame.split('\n').find((line) => line.includes(title) && !line.includes('  ('))?.match(/│\s*›?\s*([✓✗–○·!▶])\s/)?.[1];
}

describe('a long runbook and a long session in the TUI', () => {
  it('resumes 10,000 events on 800 items where the operator left off, and moves through every section and item', async () => {
    const { ui, events } = await resumeLongNight();
    expect(events).toBeGreaterThanOrEqual(10_000);
    // the item the cursor was left on, with the soak history of the item with the most runs
    let frame = await ui.waitFor('(s4-i0)');
    expect(frame).toMatch(/soak: ✓+ 20 runs/);
    expect(frame).toMatch(/✓ \d+ pass {2}✗ \d+ fail/);
    expect(frame).toMatch(/↓ \d+ more/); // 40 sections do not fit: the pane says so
    await ui.press(tab);
    await ui.waitFor('▸ Sections');
    await ui.press('G');
    frame = await ui.waitFor('(s39-i0)');
    expect(frame).toContain('Observe / notifications wave 4');
    expect(frame).toMatch(/↑ \d+ more/);
    await ui.press('g');
    await ui.waitFor('(s0-i0)');
    await ui.press(tab);
    await ui.press('G');
    await ui.waitFor('(s0-i19)');
    await ui.press('g');
    await ui.waitFor('(s0-i0)');
    await ui.press(arrowDown);
    await ui.waitFor('(s0-i1)');
  });

  it('the item list and the section counts follow what the session records', async () => {
    // before T0 the clock does not tick: only the recorded mark can change the screen
    const session = await startSession(tempEvidenceDir(), { checklistPath: runbook });
    sessions.push(session);
    const ui = renderTui({ session, columns: 100, rows: 30 });
    await ui.waitFor('(s0-i0)');
    const title = 'Preflight payments: check step 2 in eu-central-1';
    expect(rowMark(await ui.waitFor(title), title)).toBe('·');
    expect(ui.lastFrame()).toMatch(/Preflight \/ orders wave 1\s+0\/20/);
    expect(ui.lastFrame()).toContain('✓ 0 pass  ✗ 0 fail  · 800 pending');
    await session.markItem('sec-0', 's0-i1', 'fail', 'dashboards show 5xx');
    const frame = await ui.waitFor((f) => rowMark(f, title) === '✗');
    expect(frame).toMatch(/Preflight \/ orders wave 1\s+1\/20 ✗1/);
    expect(frame).toContain('✓ 0 pass  ✗ 1 fail  · 799 pending');
  });

  it('the clock statuses in the item list move on with the clock, without a key', async () => {
    const session = await startSession(tempEvidenceDir(), { checklistPath: clockFixture });
    sessions.push(session);
    await session.append({ type: 't0.marked', at: new Date(Date.now() - 12 * 60_000).toISOString() });
    const ui = renderTui({ session, columns: 100, rows: 30 });
    await ui.press(arrowRight);
    const row = /Go\/no-go call\s+! overdue by (22m\d\ds)/; // the list's row, not the header's "next: … — overdue by"
    const first = row.exec(await ui.waitFor(row))?.[1];
    const later = await ui.waitFor((f) => !!row.exec(f) && row.exec(f)?.[1] !== first, 4_000);
    expect(row.exec(later)?.[1]).not.toBe(first);
  });
});
