// `cutover import <runbook.md | -> [-o out.yaml|out.json] [--id ID]`: a markdown runbook -> a
// checklist. The mapping is pure (src/domain/import); this module reads the runbook, writes the
// result (stdout without -o), prints the summary on stderr and checks the result validates.
// Commands found in the runbook are never run.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseChecklistText } from '../../domain/checklist-parse.js';
import { formatDiagnostic } from '../../domain/diagnostic.js';
import { CutoverError, EXIT } from '../../domain/errors.js';
import { decodeRunbook, type DecodedRunbook } from '../../domain/import/decode.js';
import { refuseOversizeChecklist } from '../../domain/import/limits.js';
import { formatSummary, importRunbook, serializeChecklist } from '../../domain/import/index.js';
import { readInputFile } from '../../services/bounded-read.js';
import { bundledChecklistDir, displayPathOf } from '../../services/checklist-loader.js';
import { fileErrorReason } from '../../services/file-errors.js';
import { writeFileDurable } from '../../services/durable-file.js';
import { makeDirs } from '../../services/make-dirs.js';

// The largest real runbooks are tens of KB; markdown parsing of a file this size already takes
// seconds, and a bigger one is a book or a log, not a runbook.
const MAX_BYTES = 1024 * 1024;

const TOO_LARGE_HINT = 'split it into one runbook per cutover';

async function readRunbook(path: string, display: string): Promise<DecodedRunbook> {
  const bytes = await readInputFile(path, display, { noun: 'runbook', max: MAX_BYTES, tooLargeHint: TOO_LARGE_HINT });
  return decodeRunbook(bytes, display);
}

/** `cutover import -`: standard input, a pipe or a socket that cannot be opened by path. */
async function readStandardInput(): Promise<DecodedRunbook> {
  if (process.stdin.isTTY) {
    throw new CutoverError('import -: standard input is a terminal, not a runbook', EXIT.usage, 'pipe the runbook in (pbpaste | cutover import - -o runbook.yaml), or give its file');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new CutoverError(`cannot read runbook from stdin: too large for a runbook (the limit is 1 MB)`, EXIT.usage, TOO_LARGE_HINT);
    chunks.push(chunk);
  }
  return decodeRunbook(Buffer.concat(chunks), 'stdin');
}

/** Where checklist.schema.json is, relative to the output file (or the working directory). */
function schemaPathFor(output: string | undefined): string | undefined {
  const dir = bundledChecklistDir();
  const schema = dir ? join(dir, 'checklist.schema.json') : undefined;
  if (!schema || !existsSync(schema)) return undefined;
  const rel = relative(output ? dirname(resolve(output)) : process.cwd(), schema).split(sep).join('/');
  return rel.startsWith('.') || rel.startsWith('/') ? rel : `./${rel}`;
}

function outputFormat(output: string | undefined): 'yaml' | 'json' {
  if (output === undefined || /\.ya?ml$/i.test(output)) return 'yaml';
  if (/\.json$/i.test(output)) return 'json';
  throw new CutoverError(`-o ${output}: the checklist file must end in .yaml, .yml or .json`, EXIT.usage);
}

export async function importCommand(argument: string, opts: Record<string, unknown>): Promise<void> {
  const output = typeof opts.output === 'string' ? opts.output : undefined;
  const id = typeof opts.id === 'string' ? opts.id : undefined;
  const format = outputFormat(output);
  // `-`: the runbook comes on standard input (`pbpaste | cutover import - -o x.yaml`).
  const fromStdin = argument === '-';
  const runbook = fromStdin ? 'stdin' : argument;
  const source = fromStdin ? 'stdin' : displayPathOf(runbook);
  if (output && !fromStdin && resolve(output) === resolve(runbook)) {
    throw new CutoverError(`refusing to overwrite the runbook ${source} with its checklist`, EXIT.usage, 'choose another -o file, e.g. checklists/<name>.yaml');
  }
  if (/\.(?:ya?ml|json)$/i.test(runbook)) {
    throw new CutoverError(`${source} is a ${/json$/i.test(runbook) ? 'JSON' : 'YAML'} file: import reads a markdown runbook`, EXIT.usage, `to check a checklist, run: cutover validate ${source}`);
  }
  const { text: raw, notice } = fromStdin ? await readStandardInput() : await readRunbook(resolve(runbook), source);
  const { checklist, summary } = importRunbook(raw, { source, ...(id !== undefined ? { id } : {}) });
  if (notice) summary.notices.unshift(notice);
  const schemaPath = schemaPathFor(output);
  const text = serializeChecklist(checklist, { format, source, importedAt: new Date(), ...(schemaPath ? { schemaPath } : {}) });
  refuseOversizeChecklist(text, source);

  if (output) {
    const target = resolve(output);
    await makeDirs(dirname(target)).catch((error: NodeJS.ErrnoException) => {
      const where = displayPathOf(error.path ?? dirname(target));
      throw new CutoverError(`cannot write ${output}: ${error.code === 'ENOTDIR' ? `${where} is not a directory` : `${fileErrorReason(error)} (creating ${where})`}`, EXIT.usage);
    });
    const existing = await stat(target).catch(() => undefined);
    if (existing?.isDirectory()) throw new CutoverError(`cannot write ${output}: is a directory`, EXIT.usage);
    if (existing && opts.force !== true) {
      throw new CutoverError(`${output} already exists: not overwriting it (it may hold your edits)`, EXIT.failed, `give --force to replace it, or choose another -o file`);
    }
    try {
      await writeFileDurable(target, text, { mode: 0o644 });
    } catch (error) {
      // like an export that cannot be written: the input was fine, the place is not (exit 2, not "a check failed")
      throw new CutoverError(`cannot write ${output}: ${fileErrorReason(error)}`, EXIT.usage, 'choose another -o file');
    }
  } else process.stdout.write(text);
  process.stderr.write(`${formatSummary(summary, source, output ? displayPathOf(output) : 'stdout')}\n`);

  // The importer's own guarantee: what it wrote validates. If not, that is a bug worth a loud exit.
  const check = parseChecklistText(text, output ?? `imported.${format}`);
  if (!check.ok) {
    const errors = check.diagnostics.filter((d) => d.severity === 'error').slice(0, 10).map(formatDiagnostic);
    throw new CutoverError(`the imported checklist does not validate (please report this):\n${errors.join('\n')}`, EXIT.failed);
  }
}
