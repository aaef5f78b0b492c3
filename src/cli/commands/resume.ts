// `cutover resume [evidence.json]`: back into an unfinished session, at the section and item
// where the operator was. Without a file, the most recent unfinished session in the evidence dir.
import { CutoverError, EXIT } from '../../domain/errors.js';
import { parseVars } from '../fatal.js';
import { loadTui, requireTty } from './home.js';

export async function resumeCommand(evidence: string | undefined, opts: Record<string, unknown> & { evidenceDir: string }): Promise<void> {
  requireTty('resume');
  // --recover writes a copy: only once the TUI that resumes it can start
  const given = opts.recover ? await (await import('./recover.js')).recoverCommand(evidence) : evidence;
  const [{ runTui, defaultServices }, { CutoverSession }] = await Promise.all([loadTui(), import('../../services/session.js')]);
  const path = given ?? (await CutoverSession.latestUnfinished(opts.evidenceDir));
  if (!path) {
    const { evidenceDirProblem } = await import('../../services/evidence-list.js');
    const why = await evidenceDirProblem(opts.evidenceDir, false);
    throw new CutoverError(`no unfinished session in ${opts.evidenceDir}${why ? ` (${why})` : ''}`, EXIT.failed, 'start one with: cutover open <checklist>');
  }
  const services = defaultServices(opts.evidenceDir, {
    allowDestructive: opts.allowDestructive === true,
    variables: parseVars(opts.var as string[] | undefined),
    operator: opts.operator as string | undefined,
  });
  const session = await services.resumeSession(path);
  process.exitCode = await runTui({ services, initialScreen: { name: 'main' }, initialSession: session });
}
