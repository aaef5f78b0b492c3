// `cutover validate <file>...`: schema, cross-references and lint for each checklist.
// Exit 0 when every file is valid (warnings allowed), 1 when any is invalid, 2 when any cannot be
// read at all (missing, a directory without checklists, past a size limit), as for every command.
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../../domain/checklist-parse.js';
import { escapeUnprintable, formatDiagnostic, jsonForTerminal } from '../../domain/diagnostic.js';
import { CutoverError, EXIT } from '../../domain/errors.js';
import { plural } from '../../domain/plural.js';
import { checklistFilesIn, displayPathOf, parseChecklistFile, readChecklistFile, resolveChecklistRef } from '../../services/checklist-loader.js';

interface FileReport {
  file: string;
  ok: boolean;
  /** The file could not be read at all (exit 2, like any unreadable input). */
  unreadable?: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  summary?: string;
}

type Target = { path: string } | { report: FileReport };

function unreadableReport(arg: string, message: string): FileReport {
  const file = displayPathOf(arg);
  return { file, ok: false, unreadable: true, warnings: [], errors: [{ file, line: 0, column: 0, path: '', message, severity: 'error', code: 'unreadable' }] };
}

/** A directory stands for the checklist files directly inside it; a bare id for that checklist. */
async function expand(args: string[]): Promise<Target[]> {
  const out: Target[] = [];
  for (const arg of args) {
    const isDir = await stat(arg).then((s) => s.isDirectory(), () => false);
    if (isDir) {
      const inside = await checklistFilesIn(arg);
      if (inside.length) out.push(...inside.map((path) => ({ path })));
      else out.push({ report: unreadableReport(arg, 'a directory without checklist files (.yaml, .yml or .json)') });
      continue;
    }
    try {
      out.push({ path: await resolveChecklistRef(arg) });
    } catch (error) {
      if (!(error instanceof CutoverError)) throw error;
      out.push({ report: unreadableReport(arg, `${error.message}${error.hint ? ` (${error.hint})` : ''}`) });
    }
  }
  return out;
}

/**
 * Past a checklist's limits (5 MB is refused before parsing; values, nesting and YAML alias bombs
 * are found while parsing): input too big to be read, exit 2 like the 5 MB one, not an invalid checklist.
 */
const TOO_BIG_TO_READ = new Set(['too-many-values', 'too-deep', 'unreadable']);

async function check(path: string): Promise<FileReport> {
  try {
    const file = await readChecklistFile(path);
    const result = await parseChecklistFile(file);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    if (!result.ok) return { file: file.displayPath, ok: false, unreadable: errors.some((d) => TOO_BIG_TO_READ.has(d.code)), errors, warnings };
    const { checklist } = result;
    const items = checklist.sections.reduce((sum, s) => sum + s.items.length, 0);
    const summary = `${checklist.id}, ${plural(checklist.sections.length, 'section')}, ${plural(items, 'item')}`;
    return { file: file.displayPath, ok: true, errors, warnings, summary };
  } catch (error) {
    if (!(error instanceof CutoverError)) throw error;
    return unreadableReport(path, error.message.replace(/^cannot read checklist .*?: /, 'cannot read: '));
  }
}

function paint(code: string, text: string): string {
  return process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${text}\x1b[0m` : text;
}

const SHOWN_PER_KIND = 3;

/** Warnings in file order; past a few of one kind (an imported runbook has many), a count instead. */
function shownWarnings(warnings: Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  const lines: string[] = [];
  for (const d of warnings) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= SHOWN_PER_KIND) lines.push(formatDiagnostic(d));
  }
  for (const [code, n] of seen) {
    if (n > SHOWN_PER_KIND) lines.push(`... and ${n - SHOWN_PER_KIND} more ${code} warning${n - SHOWN_PER_KIND === 1 ? '' : 's'} (--json lists every one)`);
  }
  return lines;
}

function printText(reports: FileReport[]): void {
  const lines: string[] = [];
  for (const r of reports) {
    const file = escapeUnprintable(r.file);
    if (r.ok) lines.push(`${paint('32', '✓')} ${file} (${r.summary})`);
    else lines.push(`${paint('31', '✗')} ${file}: ${plural(r.errors.length, 'error')}`);
    for (const d of r.errors) lines.push(d.line > 0 ? formatDiagnostic(d) : escapeUnprintable(`${d.file}: ${d.message}`));
    lines.push(...shownWarnings(r.warnings).map((line) => paint('33', line)));
  }
  const invalid = reports.filter((r) => !r.ok).length;
  if (reports.length > 1) lines.push(invalid ? `${invalid} of ${plural(reports.length, 'checklist')} invalid` : `all ${plural(reports.length, 'checklist')} valid`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function validateCommand(files: string[], opts: { json?: boolean }): Promise<void> {
  const reports: FileReport[] = [];
  for (const target of await expand(files)) reports.push('report' in target ? target.report : await check(target.path));
  const ok = reports.every((r) => r.ok);
  if (opts.json) {
    const out = { ok, files: reports.map(({ file, ok: fileOk, errors, warnings }) => ({ file, ok: fileOk, errors, warnings })) };
    process.stdout.write(`${jsonForTerminal(out)}\n`);
  } else {
    printText(reports);
  }
  process.exitCode = ok ? EXIT.ok : reports.some((r) => r.unreadable) ? EXIT.usage : EXIT.failed;
}
