// What a session loads only on demand, kept once loaded (see kept-import.ts): a headless run never
// loads the export.
import { checklistParser } from './checklist-parser.js';
import { keptImport } from './kept-import.js';
import type { CutoverSession } from './session.js';

const exportModule = keptImport(() => import('./export.js'));

export async function exportBundle(session: CutoverSession, output?: string): Promise<{ path: string }> {
  const { exportSession } = await exportModule();
  const result = await exportSession(session.evidencePath, output);
  await session.append({ type: 'exported', path: result.path, format: result.format });
  return { path: result.path };
}

/** Loads what a session loads on demand, so that later it needs no file of cutover's (the TUI calls it after its first frame). */
export async function preloadSessionModules(): Promise<void> {
  await Promise.all([exportModule(), checklistParser()]);
}
