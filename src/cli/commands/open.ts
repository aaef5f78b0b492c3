// `cutover open <checklist>`: the new-session form, pre-filled from the flags. The checklist is
// validated before the TUI starts, so an invalid one never opens a screen.
import { parseVars } from '../fatal.js';
import { requireTty } from './home.js';

interface OpenOptions {
  evidenceDir: string;
  drill?: boolean;
  allowDestructive?: boolean;
  ticket?: string;
  env?: string;
  operator?: string;
  var?: string[];
}

export async function openCommand(checklist: string, opts: Record<string, unknown> & { evidenceDir: string }): Promise<void> {
  requireTty('open');
  const options = opts as OpenOptions;
  const variables = parseVars(options.var);
  const [{ runTui }, { defaultServices }] = await Promise.all([import('../../ui/app/run-tui.js'), import('../../ui/app/tui-services.js')]);
  const services = defaultServices(options.evidenceDir, { allowDestructive: options.allowDestructive });
  const loaded = await services.loadChecklist(checklist);
  const prefill = { ticket: options.ticket, environment: options.env, operator: options.operator, drill: options.drill, variables };
  process.exitCode = await runTui({ services, initialScreen: { name: 'new-session', loaded, prefill, fromHome: false } });
}
