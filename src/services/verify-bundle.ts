// Verifying an incident package (a folder, or a .tar.gz extracted safely to a temp folder):
// SHA256SUMS against every file, no unlisted extras, and the evidence.json inside with its logs.
import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as tar from 'tar';
import { CutoverError, EXIT } from '../domain/errors.js';
import { isSafeRelativePath, parseSums } from '../domain/sha256sums.js';
import { checkEvidence, checkSnapshot, HashCache, type EvidenceCheck, type VerifyProblem } from './verify-evidence.js';

export const SUMS = 'SHA256SUMS';
export const EVIDENCE = 'evidence.json';
const SNAPSHOT = /^checklist\.(ya?ml|json)$/;

/** Every entry under `root`, relative with `/`; anything but files and folders is a problem. */
async function walk(root: string, problems: VerifyProblem[], rel = ''): Promise<string[]> {
  const files: string[] = [];
  for (const name of (await readdir(join(root, rel))).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    const info = await lstat(join(root, path));
    if (info.isDirectory()) files.push(...(await walk(root, problems, path)));
    else if (info.isFile()) files.push(path);
    else problems.push({ where: path, message: `${info.isSymbolicLink() ? 'symbolic link' : 'special file'}: not allowed in a bundle` });
  }
  return files;
}

async function checkSums(root: string, files: Set<string>, hashes: HashCache, problems: VerifyProblem[]): Promise<number> {
  if (!files.has(SUMS)) {
    problems.push({ where: SUMS, message: 'missing: the files cannot be checked against it' });
    return 0;
  }
  const { entries, malformed } = parseSums(await readFile(join(root, SUMS), 'utf8'));
  for (const line of malformed) problems.push({ where: `${SUMS} line ${line}`, message: 'not "<sha256>  <path>"' });
  const listed = new Set<string>();
  for (const entry of entries) {
    if (!isSafeRelativePath(entry.path)) {
      problems.push({ where: `${SUMS}`, message: `lists ${JSON.stringify(entry.path)}, a path outside the bundle` });
      continue;
    }
    listed.add(entry.path);
    if (!files.has(entry.path)) {
      problems.push({ where: entry.path, message: 'listed in SHA256SUMS but missing' });
      continue;
    }
    const actual = await hashes.get(join(root, entry.path));
    if (actual?.sha256 !== entry.sha256) problems.push({ where: entry.path, message: 'sha256 mismatch (SHA256SUMS)' });
  }
  for (const file of files) {
    if (file !== SUMS && !listed.has(file)) problems.push({ where: file, message: 'not listed in SHA256SUMS (extra file)' });
  }
  return listed.size;
}

export interface BundleCheck extends EvidenceCheck {
  files: number;
}

export async function verifyBundleDir(root: string, display: string, early: VerifyProblem[] = []): Promise<BundleCheck> {
  const problems = [...early];
  const top = await readdir(root);
  if (!top.includes(SUMS) && !top.includes(EVIDENCE)) {
    throw new CutoverError(`${display} is not an incident package: it has neither ${SUMS} nor ${EVIDENCE}`, EXIT.usage);
  }
  const files = new Set(await walk(root, problems));
  const hashes = new HashCache();
  const listed = await checkSums(root, files, hashes, problems);
  const logOf = (run: { log: string }) => {
    const rel = `runs/${basename(run.log)}`;
    return { path: join(root, rel), display: rel };
  };
  const evidence: EvidenceCheck = files.has(EVIDENCE)
    ? await checkEvidence(join(root, EVIDENCE), logOf, hashes, EVIDENCE)
    : { events: 0, runs: 0, logsChecked: 0, inFlight: 0, problems: [{ where: EVIDENCE, message: 'missing' }] };
  const snapshot = [...files].find((f) => SNAPSHOT.test(f));
  const snapshotProblem = snapshot
    ? await checkSnapshot(join(root, snapshot), snapshot, evidence.header, hashes)
    : evidence.header && { where: 'checklist.yaml|json', message: 'checklist snapshot missing' };
  const all = [...problems, ...evidence.problems, ...(snapshotProblem ? [snapshotProblem] : [])];
  const unique = all.filter((p, i) => all.findIndex((q) => q.where === p.where && q.message === p.message) === i);
  return { ...evidence, files: listed, problems: unique };
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/** The package folder of an extracted tarball: the top level itself, or its one folder holding a package. */
async function findRoot(dir: string): Promise<{ root: string; strays: string[] }> {
  const top = await readdir(dir);
  if (top.includes(SUMS) || top.includes(EVIDENCE)) return { root: dir, strays: [] };
  const holds = async (name: string): Promise<boolean> => {
    if (!(await lstat(join(dir, name))).isDirectory()) return false;
    const inner = await readdir(join(dir, name));
    return inner.includes(SUMS) || inner.includes(EVIDENCE);
  };
  const packages: string[] = [];
  for (const name of top) if (await holds(name)) packages.push(name);
  if (packages.length !== 1) return { root: dir, strays: [] }; // not a package: verifyBundleDir says so
  return { root: join(dir, packages[0] as string), strays: top.filter((name) => name !== packages[0]) };
}

/** Extracts to a fresh temp folder (files and folders only, no path escapes), verifies, cleans up. */
export async function verifyTarball(file: string, display: string): Promise<BundleCheck> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-verify-'));
  try {
    const early: VerifyProblem[] = [];
    try {
      await tar.x({
        file,
        cwd: dir,
        preserveOwner: false,
        filter: (path, entry) => {
          const type = 'type' in entry ? entry.type : 'File';
          if (FILE_TYPES.has(type)) return true;
          early.push({ where: path, message: `${type} entry: not allowed in a bundle (not extracted)` });
          return false;
        },
        onwarn: (_code, message, data) => {
          const entry = typeof data?.path === 'string' ? data.path : display;
          early.push({ where: entry, message: `unsafe entry in the tarball: ${String(message)}` });
        },
      });
    } catch (error) {
      throw new CutoverError(`cannot read ${display}: not a readable .tar.gz (${(error as Error).message})`, EXIT.usage);
    }
    const { root, strays } = await findRoot(dir);
    for (const stray of strays) early.push({ where: stray, message: 'outside the package folder (extra file)' });
    return await verifyBundleDir(root, display, early);
  } finally {
    // A damaged archive can fail while entries are still being written: retry until they settle,
    // and never let cleanup hide the verdict (a leftover temp folder is the lesser harm).
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
  }
}
