// `cutover list`: bundled and local checklists, then unfinished sessions (most recent first).
import { checklistDirProblems, displayPathOf, findChecklists, type FoundChecklist } from '../../services/checklist-loader.js';
import { evidenceDirProblem, unreadableFiles } from '../../services/evidence-list.js';
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

/** The default ./evidence is missing until the first session; a directory named on purpose is not. */
export const DEFAULT_EVIDENCE_DIR = './evidence';

/** Why some or all sessions cannot be listed: said on stderr, so an empty list is never a silent guess. */
export async function sessionListingProblems(dir: string): Promise<string[]> {
  const problem = await evidenceDirProblem(dir, dir === DEFAULT_EVIDENCE_DIR);
  if (problem) return [`${problem}: no sessions listed`];
  return (await unreadableFiles(dir)).map((path) => `cannot read ${displayPathOf(path)}: permission denied: not listed`);
}

/** Ids used by more than one file: say which one `cutover open <id>` takes (local before bundled). */
function duplicateNotes(checklists: FoundChecklist[]): string[] {
  const valid = checklists.filter((c) => !c.error);
  const notes: string[] = [];
  for (const id of new Set(valid.map((c) => c.id))) {
    const same = valid.filter((c) => c.id === id);
    if (same.length < 2) continue;
    const chosen = same.find((c) => c.origin === 'local') ?? same[0];
    notes.push(`note: id "${id}" is used by ${same.length} files; \`cutover open ${id}\` opens ${displayPathOf(chosen?.path ?? '')}`);
  }
  return notes;
}

export async function listCommand(opts: { json?: boolean; evidenceDir: string }): Promise<void> {
  for (const problem of await checklistDirProblems()) process.stderr.write(`cutover: ${problem}\n`);
  for (const problem of await sessionListingProblems(opts.evidenceDir)) process.stderr.write(`cutover: ${problem}\n`);
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
  out.push(...duplicateNotes(checklists));
  if (sessions.length) {
    out.push('', 'Unfinished sessions (most recent first; continue with `cutover resume <evidence>`):');
    out.push(formatTable(sessionRows(sessions), ['LAST EVENT', 'CHECKLIST', 'TICKET', 'ENV', 'MODE', 'OPERATOR', 'EVIDENCE']));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
