// `cutover verify`: is this evidence (file, incident package folder or .tar.gz) exactly as it
// was recorded? Intact and tampered are results; input that is not evidence at all is an error
// (CutoverError, exit 2).
import { open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CutoverError, EXIT } from '../domain/errors.js';
import { isSafeRelativePath } from '../domain/sha256sums.js';
import { fileErrorReason } from './file-errors.js';
import { verifyBundleDir, verifyTarball } from './verify-bundle.js';
import { checkEvidence, checkSnapshot, HashCache, type VerifyProblem } from './verify-evidence.js';

export type { VerifyProblem };

export interface VerifyResult {
  ok: boolean;
  target: string;
  /** `tarball` is a .tar.gz; `tar` a plain tar (cutover writes .tar.gz, but a package may be re-packed). */
  kind: 'evidence' | 'folder' | 'tarball' | 'tar';
  sessionId?: string;
  events: number;
  runs: number;
  logsChecked: number;
  inFlight: number;
  /** Files checked against SHA256SUMS (bundles only). */
  files: number;
  first?: string;
  last?: string;
  headHash?: string;
  problems: VerifyProblem[];
}

async function sniff(path: string): Promise<'gzip' | 'tar' | 'other'> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'gzip';
    if (bytesRead >= 262 && buffer.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return 'other';
  } finally {
    await handle.close();
  }
}

type Checked = Omit<VerifyResult, 'target' | 'kind' | 'ok' | 'sessionId'> & { header?: { sessionId?: string } };

/** The result without the header it was read with: ok first, then where, then what was found. */
function result(target: string, kind: VerifyResult['kind'], check: Checked): VerifyResult {
  const { header, problems, ...counts } = check;
  const { events, runs, logsChecked, inFlight, files, first, last, headHash } = counts;
  return { ok: problems.length === 0, target, kind, sessionId: header?.sessionId, events, runs, logsChecked, inFlight, files, first, last, headHash, problems };
}

async function verifyEvidenceFile(path: string): Promise<Checked> {
  const dir = dirname(path);
  const hashes = new HashCache();
  const logOf = (run: { log: string }) => ({ path: join(dir, run.log), display: run.log });
  const check = await checkEvidence(path, logOf, hashes);
  const problems = [...check.problems];
  const snapshot = check.header?.checklist?.snapshot;
  if (snapshot && !isSafeRelativePath(snapshot)) {
    problems.push({ where: 'header', message: `names its checklist snapshot ${JSON.stringify(snapshot)}, outside the evidence folder` });
  } else if (snapshot) {
    const found = await checkSnapshot(join(dir, snapshot), snapshot, check.header, hashes);
    if (found) problems.push(found);
  }
  return { ...check, files: 0, problems };
}

/**
 * A file that cannot be read (permission denied, an I/O error) says nothing about tampering: the
 * check could not be made, which is unreadable input (exit 2), named with the file that stopped it.
 */
export async function verifyTarget(target: string): Promise<VerifyResult> {
  try {
    return await verifyReadable(target);
  } catch (error) {
    if (error instanceof CutoverError || typeof (error as NodeJS.ErrnoException)?.code !== 'string') throw error;
    const path = (error as NodeJS.ErrnoException).path;
    const where = path && path !== target ? ` (${path})` : '';
    throw new CutoverError(`cannot verify ${target}: ${fileErrorReason(error)}${where}`, EXIT.usage);
  }
}

async function verifyReadable(target: string): Promise<VerifyResult> {
  const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new CutoverError(`cannot verify ${target}: no such file or folder`, EXIT.usage);
    throw error;
  });
  if (info.isDirectory()) {
    return result(target, 'folder', await verifyBundleDir(target, target));
  }
  if (!info.isFile()) throw new CutoverError(`cannot verify ${target}: not a file or folder`, EXIT.usage);
  const kind = await sniff(target);
  if (kind !== 'other') {
    return result(target, kind === 'gzip' ? 'tarball' : 'tar', await verifyTarball(target, target, kind === 'gzip'));
  }
  if (/\.(tar\.gz|tgz|tar)$/i.test(target)) throw new CutoverError(`cannot verify ${target}: not a tarball`, EXIT.usage);
  return result(target, 'evidence', await verifyEvidenceFile(target));
}
