// `cutover export <evidence.json> [-o DIR | -o FILE.tar.gz]`: writes the incident package and
// prints where. Read-only on the evidence: works on a session open in another process too.
import { shellWord } from '../../domain/command-template.js';
import { SIGNAL_EXIT, STOP_SIGNALS } from '../../domain/stop-signals.js';
import { displayPathOf } from '../../services/checklist-loader.js';
import { exportSession, removeUnfinishedExportsSync } from '../../services/export.js';
import { endByHangUpAtExit } from '../../services/hang-up-exit.js';

/** Ctrl-C (or SIGTERM, SIGHUP) mid-export: the staging folder goes too, and the exit code says which signal. */
function onStop(signal: NodeJS.Signals): void {
  endByHangUpAtExit(signal);
  removeUnfinishedExportsSync();
  process.stderr.write(`cutover: export cancelled (${signal})\n`);
  process.exit(SIGNAL_EXIT[signal] ?? 1);
}

export async function exportCommand(evidence: string, opts: { output?: string }): Promise<void> {
  for (const signal of STOP_SIGNALS) process.once(signal, onStop);
  const result = await exportSession(evidence, opts.output).finally(() => {
    for (const signal of STOP_SIGNALS) process.off(signal, onStop);
  });
  const path = displayPathOf(result.path);
  const what = result.format === 'tar.gz' ? 'incident package (.tar.gz)' : 'incident package folder';
  const logs = result.files.filter((f) => f.startsWith('runs/')).length;
  const named = result.files.filter((f) => !f.startsWith('runs/'));
  const contents = `${named.join(', ')}${logs ? `, runs/ (${logs} log${logs === 1 ? '' : 's'})` : ''}`;
  process.stdout.write(`exported ${what}: ${path}\n  ${contents}\n  check it with: cutover verify ${shellWord(path)}\n`);
}
