// Verifying an incident package (a folder, or a .tar.gz extracted safely to a temp folder):
// SHA256SUMS against every file, no unlisted extras, and the evidence.json inside with its logs.
import { rmSync } from 'node:fs';
import { lstat, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { shellWord } from '../domain/command-template.js';
import { CutoverError, EXIT } from '../domain/errors.js';
import { isSafeRelativePath, parseSums } from '../domain/sha256sums.js';
import { MAX_SNAPSHOT_BYTES } from './checklist-snapshot.js';
import { MAX_EVIDENCE_BYTES, readSmallRegularFile } from './regular-file.js';
import { extractTarball, UnreadableTar, type TarExtraction } from './tar-extract.js';
import { checkEvidence, checkSnapshot, HashCache, throwIfUnreadable, type EvidenceCheck, type VerifyProblem } from './verify-evidence.js';

export const SUMS = 'SHA256SUMS';
export const EVIDENCE = 'evidence.json';
const SNAPSHOT = /^checklist\.(ya?ml|json)$/;
/** A line per file: even a soak of 100,000 runs lists far less than this. */
const MAX_SUMS_BYTES = 64 * 1024 * 1024;
/** Past this many, one line says how many more: a garbage SHA256SUMS must not print a million lines. */
const MAX_LINE_PROBLEMS = 20;

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

/** evidence.json and the checklist snapshot have bounded sizes; logs do not. */
async function tooLargeToBe(root: string, path: string): Promise<boolean> {
  const limit = path === EVIDENCE ? MAX_EVIDENCE_BYTES : SNAPSHOT.test(path) ? MAX_SNAPSHOT_BYTES : undefined;
  if (limit === undefined) return false;
  const info = await stat(join(root, path)).catch(() => undefined);
  return !!info && info.size > limit;
}

/** `changed`: files already known to differ from what was recorded, not hashed again (a sparse 100 GB log). */
async function checkSums(root: string, files: Set<string>, hashes: HashCache, problems: VerifyProblem[], changed: Set<string>): Promise<number> {
  if (!files.has(SUMS)) {
    problems.push({ where: SUMS, message: 'missing: the files cannot be checked against it' });
    return 0;
  }
  const text = readSmallRegularFile(join(root, SUMS), MAX_SUMS_BYTES);
  if (text === undefined) {
    problems.push({ where: SUMS, message: `larger than ${MAX_SUMS_BYTES / 1048576} MB: not one cutover wrote` });
    return 0;
  }
  const { entries, malformed } = parseSums(text);
  for (const line of malformed.slice(0, MAX_LINE_PROBLEMS)) problems.push({ where: `${SUMS} line ${line}`, message: 'not "<sha256>  <path>"' });
  if (malformed.length > MAX_LINE_PROBLEMS) problems.push({ where: SUMS, message: `${malformed.length - MAX_LINE_PROBLEMS} more malformed lines` });
  const listed = new Set<string>();
  for (const entry of entries) {
    if (!isSafeRelativePath(entry.path)) {
      problems.push({ where: `${SUMS}`, message: `lists ${JSON.stringify(entry.path)}, a path outside the bundle` });
      continue;
    }
    if (listed.has(entry.path)) {
      problems.push({ where: entry.path, message: 'listed twice in SHA256SUMS (SHA256SUMS edited)' });
      continue;
    }
    listed.add(entry.path);
    if (!files.has(entry.path)) {
      problems.push({ where: entry.path, message: 'listed in SHA256SUMS but missing' });
      continue;
    }
    if (changed.has(entry.path)) continue;
    if (await tooLargeToBe(root, entry.path)) {
      problems.push({ where: entry.path, message: 'far larger than cutover ever writes it (not hashed)' });
      continue;
    }
    const actual = await hashes.get(join(root, entry.path));
    if (!actual) await throwIfUnreadable(join(root, entry.path));
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

const holdsPackage = async (dir: string): Promise<boolean> => {
  const top = await readdir(dir);
  return top.includes(SUMS) || top.includes(EVIDENCE);
};

export async function verifyBundleDir(root: string, display: string, early: VerifyProblem[] = []): Promise<BundleCheck> {
  const problems = [...early];
  if (!(await holdsPackage(root))) {
    const sessions = (await readdir(root).catch(() => [] as string[])).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    // an evidence directory (`cutover verify evidence`): say how to name one of its sessions
    const hint = sessions.length ? `an evidence folder? verify one session at a time: cutover verify ${shellWord(join(display, sessions.sort().at(-1) ?? ''))}` : undefined;
    throw new CutoverError(`${display} is not an incident package: it has neither ${SUMS} nor ${EVIDENCE}`, EXIT.usage, hint);
  }
  const files = new Set(await walk(root, problems));
  const hashes = new HashCache();
  const logOf = (run: { log: string }) => {
    const rel = `runs/${basename(run.log)}`;
    return { path: join(root, rel), display: rel };
  };
  const evidence: EvidenceCheck = files.has(EVIDENCE)
    ? await checkEvidence(join(root, EVIDENCE), logOf, hashes, EVIDENCE)
    : { events: 0, runs: 0, logsChecked: 0, inFlight: 0, problems: [{ where: EVIDENCE, message: 'missing' }] };
  const listed = await checkSums(root, files, hashes, problems, new Set(evidence.resized));
  const snapshot = [...files].find((f) => SNAPSHOT.test(f));
  const snapshotProblem = snapshot
    ? await checkSnapshot(join(root, snapshot), snapshot, evidence.header, hashes)
    : evidence.header && { where: 'checklist.yaml|json', message: 'checklist snapshot missing' };
  const all = [...problems, ...evidence.problems, ...(snapshotProblem ? [snapshotProblem] : [])];
  const unique = all.filter((p, i) => all.findIndex((q) => q.where === p.where && q.message === p.message) === i);
  return { ...evidence, files: listed, problems: unique };
}

/** The package folder of an extracted tarball: the top level itself, or its one folder holding a package. */
async function findRoot(dir: string): Promise<{ root: string; strays: string[] }> {
  if (await holdsPackage(dir)) return { root: dir, strays: [] };
  const top = await readdir(dir);
  const holds = async (name: string): Promise<boolean> => (await lstat(join(dir, name))).isDirectory() && holdsPackage(join(dir, name));
  const packages: string[] = [];
  for (const name of top) if (await holds(name)) packages.push(name);
  if (packages.length !== 1) return { root: dir, strays: [] }; // not a package: verifyBundleDir says so
  return { root: join(dir, packages[0] as string), strays: top.filter((name) => name !== packages[0]) };
}

/**
 * Bytes of tar stream unpacked before giving up: far above any session's package (a 200 MB log is
 * a large one), and a bound on the disk and time a gzip bomb can take.
 */
const MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024;

/** Temp folders of tarballs being verified: removed if the process is stopped (removeVerifyTempDirsSync). */
const unpacking = new Set<string>();

/** Ctrl-C mid-verify: the unpacked copy (as large as the package) must not stay behind in the temp folder. */
export function removeVerifyTempDirsSync(): void {
  for (const dir of unpacking) rmSync(dir, { recursive: true, force: true });
  unpacking.clear();
}

/** Extracts to a fresh temp folder (files and folders only, no path escapes), verifies, cleans up. */
export async function verifyTarball(file: string, display: string, gzip = true): Promise<BundleCheck> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-verify-'));
  unpacking.add(dir);
  try {
    let extracted: TarExtraction;
    try {
      extracted = await extractTarball(file, dir, gzip, { maxBytes: MAX_UNPACKED_BYTES });
    } catch (error) {
      if (error instanceof UnreadableTar) throw new CutoverError(`cannot read ${display}: ${error.message}`, EXIT.usage, error.hint);
      throw new CutoverError(`cannot read ${display}: not a readable ${gzip ? '.tar.gz' : 'tarball'} (${(error as Error).message})`, EXIT.usage);
    }
    const early = [...extracted.problems];
    const { root, strays } = await findRoot(dir);
    // Cut short before its SHA256SUMS and evidence.json: still a package, damaged (the truncation says where).
    if (extracted.truncated && !(await holdsPackage(root))) return { events: 0, runs: 0, logsChecked: 0, inFlight: 0, files: 0, problems: early };
    for (const stray of strays) early.push({ where: stray, message: 'outside the package folder (extra file)' });
    return await verifyBundleDir(root, display, early);
  } finally {
    // A damaged archive can fail while entries are still being written: retry until they settle,
    // and never let cleanup hide the verdict (a leftover temp folder is the lesser harm).
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
    unpacking.delete(dir);
  }
}
