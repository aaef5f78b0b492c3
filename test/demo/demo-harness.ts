// Runs the demo checklist's own commands, by item id, the way the engine will: {{placeholders}}
// substituted shell-quoted, run through sh, judged by the item's `expect`. Each test gets its own
// TMPDIR so that "nothing left behind" can be asserted exactly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ChecklistBase, type Checklist, type ChecklistItem } from '../../src/domain/checklist-schema.js';
import { repoRoot } from '../helpers/cli.js';

export const demoYamlPath = join(repoRoot, 'checklists', 'demo.yaml');
export const checklistDir = join(repoRoot, 'checklists');
export const demoCli = join(checklistDir, 'demo', 'demo.mjs');
export const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

export function loadDemo(): Checklist {
  return ChecklistBase.parse(parse(readFileSync(demoYamlPath, 'utf8')));
}

export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function render(command: string, vars: Record<string, string>): string {
  return command.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`no value for {{${name}}} in: ${command}`);
    return shellQuote(value);
  });
}

export function findItem(checklist: Checklist, id: string): ChecklistItem & { section: string } {
  for (const section of checklist.sections) {
    const item = section.items.find((it) => it.id === id);
    if (item) return { ...item, section: section.id };
  }
  throw new Error(`no item ${id} in demo.yaml`);
}

export interface Run {
  command: string;
  code: number;
  output: string;
  ms: number;
  passed: boolean;
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function meetsExpectation(item: ChecklistItem, code: number, output: string): boolean {
  const expect = item.expect ?? {};
  const codes = expect.exitCode === undefined ? [0] : ([] as number[]).concat(expect.exitCode);
  if (!codes.includes(code)) return false;
  if (!asList(expect.contains).every((text) => output.includes(text))) return false;
  if (asList(expect.notContains).some((text) => output.includes(text))) return false;
  return expect.matches === undefined || new RegExp(expect.matches).test(output);
}

/** A sandbox: its own TMPDIR (so its own state dirs) and a session id. */
export class DemoSandbox {
  readonly tmp = mkdtempSync(join(tmpdir(), 'cutover-demo-test-'));
  readonly checklist = loadDemo();
  readonly env: NodeJS.ProcessEnv;

  constructor(readonly session: string, extraEnv: NodeJS.ProcessEnv = {}) {
    this.env = { ...process.env, TMPDIR: this.tmp, ...extraEnv };
  }

  shell(command: string): Omit<Run, 'passed'> {
    const started = Date.now();
    const res = spawnSync('sh', ['-c', command], { env: this.env, encoding: 'utf8', timeout: 15_000 });
    return { command, code: res.status ?? -1, output: `${res.stdout ?? ''}${res.stderr ?? ''}`, ms: Date.now() - started };
  }

  /** Runs item `id`'s `run` command (or its drill injection) for this sandbox's session. */
  item(id: string, which: 'run' | 'inject' = 'run'): Run {
    const item = findItem(this.checklist, id);
    const template = which === 'run' ? item.run : item.drill?.inject;
    if (!template) throw new Error(`item ${id} has no ${which} command`);
    const result = this.shell(render(template, { checklist_dir: checklistDir, session: this.session }));
    return { ...result, passed: which === 'inject' ? result.code === 0 : meetsExpectation(item, result.code, result.output) };
  }

  /** The demo CLI directly, for subcommands no item uses. */
  demo(args: string, session = this.session): Omit<Run, 'passed'> {
    return this.shell(`node ${shellQuote(demoCli)} ${args} --session ${shellQuote(session)}`);
  }

  /** Like demo() but without blocking, to run sessions truly in parallel. */
  demoAsync(args: string[]): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [demoCli, ...args], { env: this.env });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      child.on('close', (code) => resolve({ code: code ?? -1, output }));
    });
  }

  stateDir(session = this.session): string {
    const base = readdirSync(this.tmp).find((name) => name.startsWith('cutover-demo'));
    return join(this.tmp, base ?? 'cutover-demo-missing', session);
  }

  servicePid(session = this.session): number {
    return (JSON.parse(readFileSync(join(this.stateDir(session), 'service.json'), 'utf8')) as { pid: number }).pid;
  }

  leftovers(): string[] {
    return existsSync(this.tmp) ? readdirSync(this.tmp) : [];
  }

  /** Best-effort teardown for failed tests: stop the service, remove the sandbox. */
  dispose(sessions: string[] = [this.session]): void {
    for (const session of sessions) this.demo('stop', session);
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** Alive and not a zombie (a reaped-late child of an exited parent still answers kill 0). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return existsSync('/proc/self') ? false : true;
  }
}

export async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}
