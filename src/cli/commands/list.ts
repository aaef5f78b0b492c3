// `cutover list`: bundled and local checklists, then unfinished sessions (most recent first).
import { displayPathOf, findChecklists, type FoundChecklist } from '../../services/checklist-loader.js';
import { listSessions, type SessionSummary } from '../../services/evidence-store.js';
import { formatTable } from '../format-table.js';

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function checklistRows(checklists: FoundChecklist[]): Array<Record<string, string>> {
  return checklists.map((c) => ({
    ID: c.id,
    TITLE: c.error ? '(invalid: run cutover validate)' : clip(c.title, 48),
    SECTIONS: c.error ? '-' : String(c.sections),
    ITEMS: c.error ? '-' : String(c.items),
    ORIGIN: c.origin,
    PATH: displayPathOf(c.path),
  }));
}

function sessionRows(sessions: SessionSummary[]): Array<Record<string, string>> {
  return sessions.map((s) => ({
    'LAST EVENT': s.lastEventAt.replace('T', ' ').slice(0, 16),
    CHECKLIST: s.checklistId,
    TICKET: s.ticket,
    ENV: s.environment,
    MODE: s.mode,
    OPERATOR: s.operator,
    EVIDENCE: `${displayPathOf(s.path)}${s.problem ? ' (damaged)' : ''}`,
  }));
}

export async function listCommand(opts: { json?: boolean; evidenceDir: string }): Promise<void> {
  const checklists = await findChecklists();
  const sessions = (await listSessions(opts.evidenceDir))
    .filter((s) => !s.closed)
    .sort((a, b) => b.lastEventAt.localeCompare(a.lastEventAt));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ checklists, sessions }, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(checklists.length ? formatTable(checklistRows(checklists), ['ID', 'TITLE', 'SECTIONS', 'ITEMS', 'ORIGIN', 'PATH']) : 'No checklists found (looked in the bundled checklists/, ./checklists and $CUTOVER_CHECKLISTS).');
  for (const c of checklists.filter((c) => c.error)) out.push(`  ${c.error}`);
  if (sessions.length) {
    out.push('', 'Unfinished sessions (most recent first; continue with `cutover resume <evidence>`):');
    out.push(formatTable(sessionRows(sessions), ['LAST EVENT', 'CHECKLIST', 'TICKET', 'ENV', 'MODE', 'OPERATOR', 'EVIDENCE']));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
