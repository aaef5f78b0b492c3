// Rendering the TUI in tests: the real App on a real session in a temp evidence dir, named keys,
// and `press`, which writes a key and waits for the screen to change (effects need a moment).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterEach, vi } from 'vitest';
import { CutoverSession } from '../../src/services/session.js';
import { App } from '../../src/ui/app/app.js';
import type { Screen } from '../../src/ui/app/screens.js';
import { defaultServices, type TuiServices } from '../../src/ui/app/tui-services.js';
import { KeyRouter } from '../../src/ui/keys/key-router.js';
import { RunController } from '../../src/ui/run/run-controller.js';

export const arrowUp = '\u001B[A';
export const arrowDown = '\u001B[B';
export const arrowRight = '\u001B[C';
export const arrowLeft = '\u001B[D';
export const enter = '\r';
export const escape = '\u001B';
export const tab = '\t';
export const shiftTab = '\u001B[Z';
export const backspace = '\u007F';
export const ctrlC = '\u0003';
export const ctrlS = '\u0013';
export const ctrlU = '\u0015';

export const fixture = join(import.meta.dirname, '..', 'fixtures', 'ui', 'small.yaml');
/** Timeline items, a soak that fails on its second run, a rollback: the clock, soak and drill tests. */
export const clockFixture = join(import.meta.dirname, 'fixtures', 'clock.yaml');

export function tempEvidenceDir(): string {
  return mkdtempSync(join(tmpdir(), 'cutover-ui-'));
}

type Frame = () => string | undefined;

/** Polls until `check` passes on the current frame (or throws with the last frame). */
export async function waitFor(lastFrame: Frame, check: string | RegExp | ((frame: string) => boolean), timeoutMs = 8_000): Promise<string> {
  const test = typeof check === 'function' ? check : (f: string) => (typeof check === 'string' ? f.includes(check) : check.test(f));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (test(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(check)}; last frame:\n${frame}`);
    await new Promise((done) => setTimeout(done, 15));
  }
}

/** Writes one key (or text) and waits until the frame changes; some keys change nothing, so the wait is bounded. */
export async function press(ui: { stdin: { write: (s: string) => void }; lastFrame: Frame }, key: string, timeoutMs = 1_000): Promise<string> {
  const before = ui.lastFrame();
  ui.stdin.write(key);
  const deadline = Date.now() + timeoutMs;
  while (ui.lastFrame() === before && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
  // let queued characters and effects settle
  await new Promise((done) => setTimeout(done, 20));
  return ui.lastFrame() ?? '';
}

/** Sessions a test file opens, closed (and the rendered TUI unmounted) after each test: push them here. */
export function sessionsClosedAfterEach(): CutoverSession[] {
  const sessions: CutoverSession[] = [];
  afterEach(async () => {
    cleanup();
    await Promise.all(sessions.splice(0).map((s) => s.close()));
  });
  return sessions;
}

export async function startSession(evidenceDir: string, overrides: Partial<Parameters<typeof CutoverSession.start>[0]> = {}): Promise<CutoverSession> {
  return CutoverSession.start({
    checklistPath: fixture,
    evidenceDir,
    ticket: 'CHG-42',
    environment: 'staging',
    operator: 'tester',
    mode: 'live',
    variables: {},
    ...overrides,
  });
}

export interface RenderOptions {
  services?: TuiServices;
  evidenceDir?: string;
  screen?: Screen;
  session?: CutoverSession;
  columns?: number;
  rows?: number;
}

export function renderTui(options: RenderOptions) {
  const evidenceDir = options.evidenceDir ?? options.session?.evidenceDir ?? tempEvidenceDir();
  const services = options.services ?? defaultServices(evidenceDir);
  let session = options.session;
  const runs = new RunController(() => session, 30);
  const onQuit = vi.fn();
  const onFatal = vi.fn();
  const app = createElement(App, {
    services,
    runs,
    initialScreen: options.screen ?? { name: 'main' },
    initialSession: session,
    onSession: (s: CutoverSession) => (session = s),
    onQuit,
    onFatal,
  });
  const ui = render(createElement(KeyRouter, null, app));
  if (options.columns || options.rows) resize(ui.stdout, options.columns ?? 100, options.rows ?? 24);
  return { ...ui, runs, onQuit, onFatal, services, session: () => session, press: (key: string) => press(ui, key), waitFor: (check: Parameters<typeof waitFor>[1], timeoutMs?: number) => waitFor(ui.lastFrame, check, timeoutMs) };
}

export function resize(stdout: NodeJS.EventEmitter, columns: number, rows: number): void {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  stdout.emit('resize');
}

/** On the night-walk fixture's main view: runs the smoke section's last check and closes its output (the end-of-section hint shows). */
export async function passLastSmokeCheck(ui: ReturnType<typeof renderTui>): Promise<void> {
  await ui.waitFor('Smoke checks');
  await ui.press(tab);
  await ui.press('G');
  await ui.waitFor('Last check  (last)');
  await ui.press(enter);
  await ui.waitFor('✓ PASS');
  await ui.press(enter);
  await ui.waitFor('end of "Smoke checks"');
}
