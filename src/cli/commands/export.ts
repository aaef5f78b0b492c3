// `cutover export <evidence.json> [-o DIR | -o FILE.tar.gz]`: writes the incident package and
// prints where. Read-only on the evidence: works on a session open in another process too.
import { shellWord } from '../../domain/command-template.js';
import { displayPathOf } from '../../services/checklist-loader.js';
import { exportSession, removeUnfinishedExportsSync } from '../../services/export.js';
import { cancellable } from '../cancellable.js';

export async function exportCommand(evidence: string, opts: { output?: string }): Promise<void> {
  // Ctrl-C mid-export: the staging folder goes too.
  const result = await cancellable('export', removeUnfinishedExportsSync, () => exportSession(evidence, opts.output));
  const path = displayPathOf(result.path);
  const what = result.format === 'tar.gz' ? 'incident package (.tar.gz)' : 'incident package folder';
  const logs = result.files.filter((f) => f.startsWith('runs/')).length;
  const named = result.files.filter((f) => !f.startsWith('runs/'));
  const contents = `${named.join(', ')}${logs ? `, runs/ (${logs} log${logs === 1 ? '' : 's'})` : ''}`;
  process.stdout.write(`exported ${what}: ${path}\n  ${contents}\n  check it with: cutover verify ${shellWord(path)}\n`);
}
