// `cutover validate <file>...`: schema, cross-references and lint for each checklist.
// Exit 0 when every file is valid (warnings allowed), 1 when any is invalid.
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../../domain/checklist-parse.js';
import { formatDiagnostic } from '../../domain/diagnostic.js';
import { CutoverError, EXIT } from '../../domain/errors.js';
import { checklistFilesIn, displayPathOf, parseChecklistFile, readChecklistFile } from '../../services/checklist-loader.js';

interface FileReport {
  file: string;
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  summary?: string;
}

/** A directory argument stands for the checklist files directly inside it. */
async function expand(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const isDir = await stat(arg).then((s) => s.isDirectory(), () => false);
    const inside = isDir ? await checklistFilesIn(arg) : [];
    out.push(...(inside.length ? inside : [arg]));
  }
  return out;
}

async function check(path: string): Promise<FileReport> {
  try {
    const file = await readChecklistFile(path);
    const result = parseChecklistFile(file);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    if (!result.ok) return { file: file.displayPath, ok: false, errors, warnings };
    const { checklist } = result;
    const items = checklist.sections.reduce((sum, s) => sum + s.items.length, 0);
    const summary = `${checklist.id}, ${plural(checklist.sections.length, 'section')}, ${plural(items, 'item')}`;
    return { file: file.displayPath, ok: true, errors, warnings, summary };
  } catch (error) {
    if (!(error instanceof CutoverError)) throw error;
    const file = displayPathOf(path);
    const message = error.message.replace(/^cannot read checklist .*?: /, 'cannot read: ');
    return { file, ok: false, warnings: [], errors: [{ file, line: 0, column: 0, path: '', message, severity: 'error', code: 'unreadable' }] };
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function paint(code: string, text: string): string {
  return process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${text}\x1b[0m` : text;
}

function printText(reports: FileReport[]): void {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.ok) lines.push(`${paint('32', '✓')} ${r.file} (${r.summary})`);
    else lines.push(`${paint('31', '✗')} ${r.file}: ${plural(r.errors.length, 'error')}`);
    for (const d of r.errors) lines.push(d.line > 0 ? formatDiagnostic(d) : `${d.file}: ${d.message}`);
    for (const d of r.warnings) lines.push(paint('33', formatDiagnostic(d)));
  }
  const invalid = reports.filter((r) => !r.ok).length;
  if (reports.length > 1) lines.push(invalid ? `${invalid} of ${plural(reports.length, 'checklist')} invalid` : `all ${plural(reports.length, 'checklist')} valid`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function validateCommand(files: string[], opts: { json?: boolean }): Promise<void> {
  const reports: FileReport[] = [];
  for (const path of await expand(files)) reports.push(await check(path));
  const ok = reports.every((r) => r.ok);
  if (opts.json) {
    const out = { ok, files: reports.map(({ file, ok: fileOk, errors, warnings }) => ({ file, ok: fileOk, errors, warnings })) };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    printText(reports);
  }
  process.exitCode = ok ? EXIT.ok : EXIT.failed;
}
