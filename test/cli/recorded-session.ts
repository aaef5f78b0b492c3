// A small recorded session for CLI tests: two checks that echo, recorded by a headless run.
// (The demo's gates would start its service, left running for 15 idle minutes after each test.)
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const CHECKLIST = `id: echo-checks
title: Echo checks
version: 1
sections:
  - id: gates
    title: Gates
    kind: gates
    items:
      - { id: first, title: First, run: "echo first ok", expect: { contains: ok } }
      - { id: second, title: Second, run: "echo second ok", expect: { contains: ok } }
`;

/** Records a session into `evidenceDir` (created if missing) and returns its evidence file. */
export function recordSession(evidenceDir: string): string {
  const checklist = join(tempDir(), 'echo-checks.yaml');
  writeFileSync(checklist, CHECKLIST);
  const run = runCli(['run', checklist, '--headless', '--evidence-dir', evidenceDir, '--ticket', 'CHG-TEST']);
  expect(run.code).toBe(0);
  const sessions = readdirSync(evidenceDir).filter((f) => f.endsWith('.json'));
  return join(evidenceDir, sessions.sort().at(-1) ?? 'missing.json');
}
