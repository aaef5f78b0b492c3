// `cutover export`: the incident package. evidence.json (a byte copy), report.md, runs/*.log, the
// checklist snapshot exactly as used, and SHA256SUMS over all of them; as a folder or a .tar.gz.
// Built in a staging folder beside the output and moved into place whole, so an interrupted
// export never leaves a half package under the requested name.
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import * as tar from 'tar';
import { CutoverError, EXIT } from '../domain/errors.js';
import { renderReport } from '../domain/report.js';
import { formatSums, type SumsEntry } from '../domain/sha256sums.js';
import { fsyncDir, writeFileDurable } from './durable-file.js';
import { readEvidence } from './evidence-store.js';
import { stageEvidence, stageRunLogs, stageSnapshot } from './export-stage.js';
import { loadReportInput } from './report-input.js';

export interface ExportResult {
  path: string;
  format: 'dir' | 'tar.gz';
  files: string[];
}

const TARBALL = /\.(tar\.gz|tgz)$/i;

async function isEmptyDir(path: string): Promise<boolean | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  return info.isDirectory() && (await readdir(path)).length === 0;
}

/** The requested output must not hold anything yet; the default name gets a numeric suffix instead. */
async function chooseOutput(evidencePath: string, sessionId: string, output: string | undefined): Promise<string> {
  if (output !== undefined) {
    const target = resolve(output);
    const empty = await isEmptyDir(target);
    if (empty === false || (empty === true && TARBALL.test(target))) {
      throw new CutoverError(`${output} already exists${empty === false ? ' and is not empty' : ''}: not overwriting it`, EXIT.failed, 'choose another -o path, or move the existing one away first');
    }
    return target;
  }
  const base = join(dirname(evidencePath), `${sessionId}.bundle`);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if ((await isEmptyDir(candidate)) !== false) return candidate;
  }
}

async function writeReport(staged: string, evidencePath: string, root: string): Promise<SumsEntry> {
  const { input } = await loadReportInput(staged, { source: evidencePath, evidenceFile: 'evidence.json' });
  const text = renderReport(input);
  await writeFileDurable(join(root, 'report.md'), text, { mode: 0o600 });
  return { path: 'report.md', sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

async function stageBundle(evidencePath: string, root: string, hardlinkLogs: boolean): Promise<string[]> {
  await mkdir(join(root, 'runs'), { recursive: true, mode: 0o700 });
  const { entry: evidence, header, events } = await stageEvidence(evidencePath, join(root, 'evidence.json'));
  const entries: SumsEntry[] = [evidence];
  entries.push(await stageSnapshot(evidencePath, header, root));
  entries.push(...(await stageRunLogs(evidencePath, header, events, root, hardlinkLogs)));
  entries.push(await writeReport(join(root, 'evidence.json'), evidencePath, root));
  await writeFileDurable(join(root, 'SHA256SUMS'), formatSums(entries), { mode: 0o600 });
  await fsyncDir(join(root, 'runs'));
  return [...entries.map((e) => e.path).sort(), 'SHA256SUMS'];
}

export async function exportSession(evidencePath: string, output?: string): Promise<ExportResult> {
  const source = resolve(evidencePath);
  const { header, problem } = await readEvidence(source);
  if (problem) {
    throw new CutoverError(`not exporting ${evidencePath}: it is damaged at seq ${problem.seq} (${problem.message})`, EXIT.failed, problem.hint);
  }
  const target = await chooseOutput(source, header.sessionId, output);
  const format = TARBALL.test(target) ? 'tar.gz' : 'dir';
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));
  try {
    const name = basename(target).replace(TARBALL, '') || header.sessionId;
    const root = join(staging, name);
    // A tarball's staging folder is thrown away, so its logs can be hard links instead of copies.
    const files = await stageBundle(source, root, format === 'tar.gz');
    if (format === 'dir') {
      if ((await isEmptyDir(target)) === true) await rmdir(target);
      await rename(root, target);
    } else {
      const temp = join(staging, `${randomBytes(4).toString('hex')}.tar.gz`);
      await tar.c({ gzip: true, file: temp, cwd: staging, portable: true, mode: 0o600 }, [name]);
      await link(temp, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw new CutoverError(`${output} appeared while exporting: not overwriting it`, EXIT.failed);
        throw error;
      });
    }
    await fsyncDir(dirname(target));
    return { path: target, format, files };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
