// `cutover export`: the incident package. evidence.json (a byte copy), report.md, runs/*.log, the
// checklist snapshot exactly as used, and SHA256SUMS over all of them; as a folder or a .tar.gz.
// Built in a staging folder beside the output and moved into place whole, so an interrupted
// export never leaves a half package under the requested name.
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CutoverError, EXIT } from '../domain/errors.js';
import { renderReport } from '../domain/report.js';
import { formatSums, type SumsEntry } from '../domain/sha256sums.js';
import { fsyncDir } from './durable-file.js';
import { checkCopiedLog, checkMissingLog, planBundle, readEvidenceBytes, type BundlePlan } from './export-collect.js';
import { DirSink, type BundleSink } from './export-sinks.js';
import { TarSink } from './export-tar.js';
import { loadReportInput } from './report-input.js';
import { fileErrorReason } from './file-errors.js';
import { makeDirs } from './make-dirs.js';

export interface ExportResult {
  path: string;
  format: 'dir' | 'tar.gz';
  files: string[];
}

const TARBALL = /\.(tar\.gz|tgz)$/i;
/** Archive names cutover does not write: a folder called `x.zip` would only mislead. */
const OTHER_ARCHIVE = /\.(zip|tar|gz|bz2|xz|zst|7z|rar|tbz2?|txz)$/i;

/** What is at a path: nothing, an empty folder, or something else (a dangling symbolic link is something: writing there would follow it). */
async function whatIsAt(path: string): Promise<'nothing' | 'empty folder' | 'folder' | 'file'> {
  const info = (await stat(path).catch(() => undefined)) ?? (await lstat(path).catch(() => undefined));
  if (!info) return 'nothing';
  if (!info.isDirectory()) return 'file';
  return (await readdir(path)).length === 0 ? 'empty folder' : 'folder';
}

/** The requested output must not hold anything yet; the default name gets a numeric suffix instead. */
async function chooseOutput(evidencePath: string, output: string | undefined): Promise<string> {
  if (output !== undefined) {
    if (output.trim() === '') throw new CutoverError('-o needs a path: a folder, or a file ending in .tar.gz', EXIT.usage);
    const target = resolve(output);
    const there = await whatIsAt(target);
    // an empty folder is where a folder package may go; anything else would be overwritten
    if (there === 'nothing' || (there === 'empty folder' && !TARBALL.test(target))) return target;
    const what = there === 'folder' ? ' (a folder that is not empty)' : there === 'file' ? ' (a file)' : ' (an empty folder, not a .tar.gz)';
    throw new CutoverError(`${output} already exists${what}: not overwriting it`, EXIT.failed, 'choose another -o path, or move the existing one away first');
  }
  const base = join(dirname(evidencePath), `${basename(evidencePath, '.json')}.bundle`);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const there = await whatIsAt(candidate);
    if (there === 'nothing' || there === 'empty folder') return candidate;
  }
}

async function reportBytes(plan: BundlePlan, evidencePath: string): Promise<Buffer> {
  const { input } = await loadReportInput(evidencePath, { evidenceFile: 'evidence.json', read: plan.read });
  return Buffer.from(renderReport(input), 'utf8');
}

/**
 * Writes every file in pack order and returns the file list. The evidence goes first and is
 * verified while it compresses; nothing of a damaged one survives (the staging folder goes).
 */
async function writeBundle(evidence: Buffer, evidencePath: string, sink: BundleSink): Promise<string[]> {
  const entries: SumsEntry[] = [];
  const add = async (path: string, bytes: Buffer) => entries.push({ path, sha256: await sink.addBytes(path, bytes) });
  await add('evidence.json', evidence);
  const plan = await planBundle(evidencePath, evidence);
  await add(plan.snapshot.path, plan.snapshot.bytes);
  await add('report.md', await reportBytes(plan, evidencePath));
  const copied = await sink.addFiles(plan.logs);
  for (const [index, log] of plan.logs.entries()) {
    const digest = copied[index];
    if (digest) {
      checkCopiedLog(evidencePath, log, digest.sha256);
      entries.push({ path: log.path, sha256: digest.sha256 });
    } else {
      // A run that printed nothing has no log file: the package still holds one for every run.
      checkMissingLog(evidencePath, log);
      await add(log.path, Buffer.alloc(0));
    }
  }
  await add('SHA256SUMS', Buffer.from(formatSums(entries), 'utf8'));
  await sink.finish();
  return entries.map((e) => e.path).sort();
}

/** Staging folders of exports under way: removed if the process is stopped (removeUnfinishedExportsSync). */
const unfinished = new Set<string>();

/** For a signal handler about to exit: no half-written `.partial-` folder is left beside the output. */
export function removeUnfinishedExportsSync(): void {
  for (const dir of unfinished) rmSync(dir, { recursive: true, force: true });
  unfinished.clear();
}

/**
 * A file system error while packaging as one line, not a stack: a file of the session that cannot
 * be read (a log made unreadable) is named as such; anything else is the output's (a full or
 * read-only disk), where writing elsewhere helps.
 */
function asExportError(error: unknown, output: string, staging?: string): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (error instanceof CutoverError || typeof failure.code !== 'string') return error;
  const path = failure.path;
  const isOutput = !path || path === resolve(output) || basename(path).startsWith(`.${basename(output)}.partial-`) || (staging !== undefined && path.startsWith(staging));
  if (!isOutput) return new CutoverError(`cannot export to ${output}: cannot read ${path}: ${fileErrorReason(error)}`, EXIT.usage);
  const elsewhere = ['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT'].includes(failure.code) ? 'write it elsewhere: -o DIR, or -o FILE.tar.gz' : undefined;
  return new CutoverError(`cannot export to ${output}: ${fileErrorReason(error)}`, EXIT.usage, elsewhere);
}

export async function exportSession(evidencePath: string, output?: string): Promise<ExportResult> {
  const source = resolve(evidencePath);
  const evidence = await readEvidenceBytes(source);
  const target = await chooseOutput(source, output);
  const format = TARBALL.test(target) ? 'tar.gz' : 'dir';
  if (format === 'dir' && OTHER_ARCHIVE.test(target)) {
    throw new CutoverError(`cannot export to ${output ?? target}: cutover writes a folder or a .tar.gz, not ${extname(target)}`, EXIT.usage, 'name a folder, or a file ending in .tar.gz');
  }
  await makeDirs(dirname(target)).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOTDIR' ? `${error.path ?? dirname(target)} is not a directory` : `cannot create ${error.path ?? dirname(target)} (${fileErrorReason(error)})`;
    throw new CutoverError(`cannot export to ${output ?? target}: ${why}`, EXIT.usage, 'choose another -o path');
  });
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`)).catch((error: unknown) => {
    throw asExportError(error, output ?? target);
  });
  unfinished.add(staging);
  const name = basename(target).replace(TARBALL, '') || 'bundle';
  const temp = join(staging, `${randomBytes(4).toString('hex')}.tar.gz`);
  const sink = format === 'tar.gz' ? new TarSink(temp, name) : new DirSink(join(staging, name));
  try {
    const files = await writeBundle(evidence, source, sink);
    if (format === 'tar.gz') {
      await link(temp, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw new CutoverError(`${output} appeared while exporting: not overwriting it`, EXIT.failed);
        throw error;
      });
    } else {
      if ((await whatIsAt(target)) === 'empty folder') await rmdir(target);
      await rename(join(staging, name), target);
    }
    await fsyncDir(dirname(target));
    return { path: target, format, files };
  } catch (error) {
    sink.abort();
    throw asExportError(error, output ?? target, staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
    unfinished.delete(staging);
  }
}
