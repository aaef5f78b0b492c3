// Shared by the headless and export tests: run the built CLI headless on a fixture checklist and
// read back the evidence it wrote.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir, type CliResult } from '../helpers/cli.js';

const scratchDirs: string[] = [];

/** A temp folder removed by cleanScratch() (call it in afterAll). */
export function scratch(prefix = 'cutover-test-'): string {
  const dir = tempDir(prefix);
  scratchDirs.push(dir);
  return dir;
}

export function cleanScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const fixture = (name: string): string => join(repoRoot, 'test', 'fixtures', 'headless', name);

export function runHeadless(checklist: string, evidenceDir: string, args: string[] = [], env: Record<string, string> = {}): CliResult {
  return runCli(['run', fixture(checklist), '--headless', '--evidence-dir', evidenceDir, ...args], { env });
}

export function evidenceFiles(dir: string): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.json') && !n.includes('.checklist.')).map((n) => join(dir, n));
}

export interface StoredEvent {
  seq: number;
  type: string;
  [key: string]: unknown;
}

export function readEvents(path: string): StoredEvent[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { events: StoredEvent[] }).events;
}

/** Runs a fixture headless with --json and returns the parsed result with the evidence path. */
export function runJson(checklist: string, evidenceDir: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = runHeadless(checklist, evidenceDir, ['--json', ...args], env);
  let json: HeadlessJson | undefined;
  try {
    json = JSON.parse(result.stdout) as HeadlessJson;
  } catch {
    json = undefined;
  }
  return { ...result, json };
}

export interface HeadlessJson {
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  evidence: string;
  items: Array<{ section: string; item: string; title: string; result: string; exitCode: number | null; durationMs: number; runId: string | null; note?: string }>;
  injected?: Array<{ item: string; exitCode: number | null; runId: string; ok: boolean }>;
  drill?: { result: string; findings: string[] };
}
