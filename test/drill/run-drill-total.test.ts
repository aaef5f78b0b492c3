// The end of `run --headless --drill` gives one total: the table's line ("N passed … in X") and the
// drill line ("drill: total X") both give the drill's time as its evidence measures it (first event
// to session.closed), not the first from the process clock and the second from the evidence.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/domain/duration.js';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

const CHECKLIST = `id: one-total
title: One total
version: "1"
sections:
  - id: smoke
    title: Smoke
    kind: smoke
    items:
      - { id: a, title: A, run: echo a }
      - { id: b, title: B, run: echo b }
  - id: rollback
    title: Rollback
    kind: rollback
    items:
      - { id: back, title: Switch back, run: echo back }
`;

describe('the totals of a headless drill', () => {
  it('the table line and the drill line give the same figure, the evidence\'s', () => {
    const dir = scratch();
    const file = join(scratch(), 'one-total.yaml');
    writeFileSync(file, CHECKLIST);
    // earlier drills: reading them (after the session closed) took time the table's clock counted
    for (const ticket of ['D-1', 'D-2', 'D-3']) expect(runCli(['run', file, '--headless', '--drill', '--ticket', ticket, '--evidence-dir', dir]).code).toBe(0);
    const run = runCli(['run', file, '--headless', '--drill', '--ticket', 'D-4', '--evidence-dir', dir]);
    expect(run.code).toBe(0);
    const table = /^3 passed, 0 failed, 0 not run in (\S+)$/m.exec(run.stdout)?.[1];
    const drill = /^drill: total (\S+) /m.exec(run.stdout)?.[1];
    const evidence = JSON.parse(readFileSync(/^evidence: (\S+)$/m.exec(run.stdout)?.[1] as string, 'utf8')) as { events: Array<{ ts: string }> };
    const fromEvidence = formatDuration(Date.parse(evidence.events.at(-1)?.ts ?? '') - Date.parse(evidence.events[0]?.ts ?? ''));
    expect(drill).toBe(fromEvidence);
    expect(table).toBe(fromEvidence);
  });
});
