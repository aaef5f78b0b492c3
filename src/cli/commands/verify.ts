// `cutover verify <evidence.json | DIR | FILE.tar.gz> [--json]`: exit 0 intact, 1 tampered (each
// problem named with its place), 2 unreadable input (thrown as CutoverError by the service).
import { CutoverError, EXIT } from '../../domain/errors.js';
import { plainLines } from '../../domain/plain-text.js';
import { removeVerifyTempDirsSync } from '../../services/verify-bundle.js';
import { verifyTarget, type VerifyResult } from '../../services/verify.js';
import { cancellable } from '../cancellable.js';

const utc = (ts: string | undefined): string => (ts ? `${ts.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC` : '-');

const KIND_LABEL: Record<VerifyResult['kind'], string> = { evidence: 'evidence file', folder: 'incident package', tarball: 'incident package (.tar.gz)', tar: 'incident package (.tar)' };

function summary(r: VerifyResult): string {
  const lines = [`intact: ${r.target} (${KIND_LABEL[r.kind]}${r.sessionId ? `, session ${r.sessionId}` : ''})`];
  lines.push(`  events     ${r.events} (seq 1..${r.events}), hash chain intact`);
  const inFlight = r.inFlight ? `; ${r.inFlight} unfinished (no hash recorded: the session crashed or is still running)` : '';
  const logs = r.logsChecked === 1 ? '1 log matches its recorded sha256' : `${r.logsChecked} logs match their recorded sha256`;
  lines.push(`  runs       ${r.runs}, ${logs}${inFlight}`);
  if (r.kind !== 'evidence') lines.push(`  files      ${r.files} match SHA256SUMS, no extra files`);
  lines.push(`  recorded   ${utc(r.first)} .. ${utc(r.last)}`);
  if (r.headHash) lines.push(`  head hash  ${r.headHash}`);
  return `${lines.join('\n')}\n`;
}

function tampered(r: VerifyResult): string {
  const n = r.problems.length;
  const lines = [`TAMPERED: ${r.target} (${KIND_LABEL[r.kind]}): ${n} problem${n === 1 ? '' : 's'}`];
  for (const p of r.problems) lines.push(`  ${p.where}: ${p.message}`);
  const chainBroken = r.problems.some((p) => /\bseq \d+$/.test(p.where));
  const events = `${r.events} event${r.events === 1 ? '' : 's'}`;
  if (chainBroken) lines.push(`  (the ${events} before the first bad seq chain correctly)`);
  else if (r.events) lines.push(`  (the hash chain itself is intact: ${events}, head ${r.headHash?.slice(0, 16)}…)`);
  return `${lines.join('\n')}\n`;
}

/** With --json, unreadable input is still one object on stdout (and the message on stderr). */
async function verifyOrReport(target: string, json: boolean): Promise<VerifyResult> {
  try {
    return await verifyTarget(target);
  } catch (error) {
    if (json && error instanceof CutoverError) {
      process.stdout.write(`${JSON.stringify({ status: 'unreadable', ok: false, target, error: error.message }, null, 2)}\n`);
    }
    throw error;
  }
}

export async function verifyCommand(target: string, opts: { json?: boolean }): Promise<void> {
  // Ctrl-C mid-verify: the unpacked copy of a .tar.gz goes too.
  const result = await cancellable('verify', removeVerifyTempDirsSync, () => verifyOrReport(target, opts.json ?? false));
  if (opts.json) process.stdout.write(`${JSON.stringify({ status: result.ok ? 'intact' : 'tampered', ...result }, null, 2)}\n`);
  // Problems quote what the file holds (an unknown key, a session id): never escape sequences to the terminal.
  else process.stdout.write(plainLines(result.ok ? summary(result) : tampered(result)));
  process.exitCode = result.ok ? EXIT.ok : EXIT.failed;
}
