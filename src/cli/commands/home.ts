// `cutover` with no arguments: the home screen (pick a checklist or resume a session).
// Also what every TUI command shares: the TTY guard (before ink or react load) and loading the UI.
import { CutoverError, EXIT } from '../../domain/errors.js';

export function requireTty(command?: string): void {
  if (process.stdin.isTTY && process.stdout.isTTY) return;
  throw new CutoverError(
    `${command ? `${command}: ` : ''}no terminal: the TUI needs a TTY`,
    EXIT.usage,
    'For unattended runs use: cutover run <checklist> --headless',
  );
}

/**
 * Imports the TUI. Ink's layout engine (yoga) loads its WebAssembly with `fetch` when fetch
 * exists, which first loads Node's whole HTTP client; hidden during the import, yoga decodes the
 * inline binary directly and the first frame comes sooner.
 */
export async function loadTui() {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    const [tui, services] = await Promise.all([import('../../ui/app/run-tui.js'), import('../../ui/app/tui-services.js')]);
    return { runTui: tui.runTui, defaultServices: services.defaultServices };
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
  }
}

export async function homeCommand(opts: Record<string, unknown> & { evidenceDir: string }): Promise<void> {
  requireTty();
  const { runTui, defaultServices } = await loadTui();
  process.exitCode = await runTui({ services: defaultServices(opts.evidenceDir), initialScreen: { name: 'home' } });
}
