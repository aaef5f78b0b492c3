// `cutover` with no arguments: the home screen (pick a checklist or resume a session).
// Also the TTY guard shared by every TUI command: it runs before ink or react are loaded.
import { CutoverError, EXIT } from '../../domain/errors.js';

export function requireTty(command: string): void {
  if (process.stdin.isTTY && process.stdout.isTTY) return;
  throw new CutoverError(
    `${command}: no terminal: the TUI needs a TTY`,
    EXIT.usage,
    'For unattended runs use: cutover run <checklist> --headless',
  );
}

export async function homeCommand(opts: Record<string, unknown> & { evidenceDir: string }): Promise<void> {
  requireTty('cutover');
  const [{ runTui }, { defaultServices }] = await Promise.all([import('../../ui/app/run-tui.js'), import('../../ui/app/tui-services.js')]);
  process.exitCode = await runTui({ services: defaultServices(opts.evidenceDir), initialScreen: { name: 'home' } });
}
