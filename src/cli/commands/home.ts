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
 * Imports the TUI. Two things are hidden while the modules load, and put back after:
 * - `fetch`: Ink's layout engine (yoga) loads its WebAssembly with `fetch` when fetch exists,
 *   which first loads Node's whole HTTP client; without it yoga decodes the inline binary directly
 *   and the first frame comes sooner.
 * - `CI` / `CONTINUOUS_INTEGRATION`: Ink reads them once at load and, when set, draws nothing
 *   until exit. The TUI only starts on a real terminal, so an operator with CI=1 in their shell
 *   (a CI job's debug shell, say) must still see it. Commands the runner starts keep the variables.
 */
export async function loadTui() {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  const ciNames = ['CI', 'CONTINUOUS_INTEGRATION'].filter((name) => name in process.env);
  const ciValues = ciNames.map((name) => process.env[name]);
  for (const name of ciNames) delete process.env[name];
  try {
    const [tui, services] = await Promise.all([import('../../ui/app/run-tui.js'), import('../../ui/app/tui-services.js')]);
    return { runTui: tui.runTui, defaultServices: services.defaultServices };
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
    ciNames.forEach((name, i) => (process.env[name] = ciValues[i]));
  }
}

export async function homeCommand(opts: Record<string, unknown> & { evidenceDir: string }): Promise<void> {
  requireTty();
  const { runTui, defaultServices } = await loadTui();
  process.exitCode = await runTui({ services: defaultServices(opts.evidenceDir), initialScreen: { name: 'home' } });
}
