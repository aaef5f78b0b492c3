// `cutover open <checklist>`: the new-session form, pre-filled from the flags. The first frame
// shows at once; the checklist loads right after it, and an invalid one ends the TUI with its
// errors (file, line, field) before anything is recorded.
import { CutoverError, EXIT } from '../../domain/errors.js';
import { parseVars } from '../fatal.js';
import { loadTui, requireTty } from './home.js';

interface OpenOptions {
  evidenceDir: string;
  drill?: boolean;
  allowDestructive?: boolean;
  ticket?: string;
  env?: string;
  operator?: string;
  var?: string[];
  inject?: string[];
}

export async function openCommand(checklist: string, opts: Record<string, unknown> & { evidenceDir: string }): Promise<void> {
  requireTty('open');
  const options = opts as OpenOptions;
  const variables = parseVars(options.var);
  if (options.inject?.length && !options.drill) {
    throw new CutoverError('--inject only works in a drill', EXIT.usage, 'add --drill (in the TUI, I injects the selected item\'s fault)');
  }
  const { runTui, defaultServices } = await loadTui();
  const services = defaultServices(options.evidenceDir, { allowDestructive: options.allowDestructive, inject: options.inject });
  const prefill = { ticket: options.ticket, environment: options.env, operator: options.operator, drill: options.drill, variables };
  process.exitCode = await runTui({ services, initialScreen: { name: 'new-session', ref: checklist, prefill, fromHome: false } });
}
