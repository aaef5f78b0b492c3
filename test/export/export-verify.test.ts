// export -> verify round trips (folder and .tar.gz) and every kind of tampering, through the built CLI.
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, evidenceFiles, runHeadless, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

let sourceDir: string;
let sessionFile: string;

beforeAll(() => {
  sourceDir = scratch('cutover-export-');
  const run = runHeadless('fail.yaml', sourceDir, ['--ticket', 'CHG-7']);
  expect(run.code).toBe(1);
  sessionFile = evidenceFiles(sourceDir)[0] as string;
});

/** A private copy of the session (evidence, snapshot, logs) to tamper with. */
function copySession(): { dir: string; file: string; logs: string } {
  const dir = scratch('cutover-tamper-');
  for (const name of readdirSync(sourceDir)) {
    if (!name.endsWith('.lock') && !name.endsWith('.bundle')) cpSync(join(sourceDir, name), join(dir, name), { recursive: true });
  }
  const file = join(dir, basename(sessionFile));
  return { dir, file, logs: file.replace(/\.json$/, '.runs') };
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

/** Line index of the event with this seq (line 0 is the header). */
const lineOfSeq = (seq: number): number => seq;

function exportTo(output?: string) {
  return runCli(['export', sessionFile, ...(output ? ['-o', output] : [])]);
}

describe('export and verify round trip', () => {
  it('exports a folder with every part, and verify exits 0 on it', () => {
    const out = join(scratch(), 'bundle');
    const result = exportTo(out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(out);
    expect(readdirSync(out).sort()).toEqual(['SHA256SUMS', 'checklist.yaml', 'evidence.json', 'report.md', 'runs']);
    expect(readdirSync(join(out, 'runs')).sort()).toEqual(['r0001.log', 'r0002.log', 'r0003.log']);
    expect(readFileSync(join(out, 'evidence.json'))).toEqual(readFileSync(sessionFile));
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(/^[0-9a-f]{64} {2}checklist\.yaml$/m);
    expect(sums).toMatch(/^[0-9a-f]{64} {2}runs\/r0002\.log$/m);
    expect(sums).not.toContain('SHA256SUMS');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('# Cutover report: Headless smoke (one fails) — CHG-7');
    const verify = runCli(['verify', out]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^intact: /);
    expect(verify.stdout).toContain('6 match SHA256SUMS');
  });

  it('exports a .tar.gz (0600) and verify exits 0 on it; the default folder sits beside the evidence', () => {
    const out = join(scratch(), 'package.tar.gz');
    expect(exportTo(out).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const entries: string[] = [];
    tar.t({ file: out, sync: true, onReadEntry: (e) => void entries.push(e.path) });
    expect(entries).toContain('package/report.md');
    expect(entries).toContain('package/runs/r0001.log');
    expect(runCli(['verify', out]).code).toBe(0);

    const { file } = copySession();
    const first = runCli(['export', file]);
    expect(first.code).toBe(0);
    expect(existsSync(file.replace(/\.json$/, '.bundle'))).toBe(true);
    const second = runCli(['export', file]);
    expect(second.code).toBe(0);
    expect(existsSync(file.replace(/\.json$/, '.bundle-2'))).toBe(true);
  });

  it('refuses to overwrite a non-empty folder or an existing tarball (exit 1, with a hint)', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const intoDir = exportTo(dir);
    expect(intoDir.code).toBe(1);
    expect(intoDir.stderr).toContain('not empty');
    expect(intoDir.stderr).toContain('-o');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    const file = join(scratch(), 'x.tar.gz');
    writeFileSync(file, 'existing');
    expect(exportTo(file).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('existing');
    const empty = scratch();
    expect(exportTo(empty).code).toBe(0); // an empty folder is fine
    expect(runCli(['verify', empty]).code).toBe(0);
  });

  it('refuses an archive name it does not write (a folder called x.zip would mislead): exit 2, nothing written', () => {
    const dir = scratch();
    for (const name of ['x.zip', 'x.tar', 'x.tar.xz']) {
      const result = exportTo(join(dir, name));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/writes a folder or a \.tar\.gz/);
    }
    expect(readdirSync(dir)).toEqual([]);
    const tgz = join(dir, 'x.tgz');
    expect(exportTo(tgz).code).toBe(0);
    expect(runCli(['verify', tgz]).code).toBe(0);
  });
});

describe('export refuses evidence that does not verify', () => {
  it('a damaged evidence file or an edited run log: exit 1, nothing left behind', () => {
    const damaged = copySession();
    const all = lines(damaged.file);
    all[2] = all[2]!.replace('"echo ok"', '"echo ko"');
    writeFileSync(damaged.file, all.join('\n'));
    const out = join(scratch(), 'pkg');
    const result = runCli(['export', damaged.file, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/damaged at seq 2/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual([]);

    const edited = copySession();
    appendFileSync(join(edited.logs, 'r0003.log'), 'later');
    const tarball = join(scratch(), 'x.tar.gz');
    const refused = runCli(['export', edited.file, '-o', tarball]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('r0003.log does not match the sha256 recorded');
    expect(readdirSync(join(tarball, '..'))).toEqual([]);
  });
});

describe('verify detects tampering of each kind and names the place (exit 1)', () => {
  const tampered = (target: string, ...expected: Array<string | RegExp>) => {
    const result = runCli(['verify', target]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^TAMPERED: /);
    for (const e of expected) expect(result.stdout).toMatch(e);
  };

  it('an edited event', () => {
    const { file } = copySession();
    const all = lines(file);
    const i = all.findIndex((l) => l.includes('"exitCode":3'));
    const seq = JSON.parse(all[i]!.replace(/,$/, '')).seq as number;
    all[i] = all[i]!.replace('"exitCode":3', '"exitCode":0');
    writeFileSync(file, all.join('\n'));
    tampered(file, new RegExp(`seq ${seq}: hash mismatch \\(event edited\\)`));
  });

  it('a deleted event', () => {
    const { file } = copySession();
    const all = lines(file);
    all.splice(lineOfSeq(3), 1);
    writeFileSync(file, all.join('\n'));
    tampered(file, /seq 3: seq 4 follows 2 \(event deleted or reordered\)/);
  });

  it('reordered events', () => {
    const { file } = copySession();
    const all = lines(file);
    [all[lineOfSeq(2)], all[lineOfSeq(3)]] = [all[lineOfSeq(3)]!, all[lineOfSeq(2)]!];
    writeFileSync(file, all.join('\n'));
    tampered(file, /seq 2: .*reordered/);
  });

  it('a truncated file', () => {
    const { file } = copySession();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 40));
    tampered(file, /seq \d+: .*truncated/);
  });

  it('an edited run log, and a deleted one', () => {
    const edited = copySession();
    appendFileSync(join(edited.logs, 'r0002.log'), 'added later\n');
    tampered(edited.file, /r0002\.log: sha256 mismatch/);
    const deleted = copySession();
    rmSync(join(deleted.logs, 'r0001.log'));
    tampered(deleted.file, /r0001\.log: missing/);
  });

  it('in a bundle: report.md edited or deleted, an extra file, evidence.json edited even with SHA256SUMS redone', () => {
    const fresh = (): string => {
      const out = join(scratch(), 'b');
      expect(exportTo(out).code).toBe(0);
      return out;
    };
    const edited = fresh();
    appendFileSync(join(edited, 'report.md'), '\nAll good, nothing to see.\n');
    tampered(edited, /report\.md: sha256 mismatch/);

    const deleted = fresh();
    rmSync(join(deleted, 'report.md'));
    tampered(deleted, /report\.md: listed in SHA256SUMS but missing/);

    const extra = fresh();
    writeFileSync(join(extra, 'runs', 'r0099.log'), 'planted');
    tampered(extra, /runs\/r0099\.log: not listed in SHA256SUMS \(extra file\)/);

    const rechained = fresh();
    const evidence = join(rechained, 'evidence.json');
    writeFileSync(evidence, readFileSync(evidence, 'utf8').replace('"exitCode":3', '"exitCode":0'));
    const sums = readFileSync(join(rechained, 'SHA256SUMS'), 'utf8').replace(
      /^[0-9a-f]{64}(?= {2}evidence\.json$)/m,
      createHash('sha256').update(readFileSync(evidence)).digest('hex'),
    );
    writeFileSync(join(rechained, 'SHA256SUMS'), sums);
    tampered(rechained, /evidence\.json seq \d+: hash mismatch \(event edited\)/);
  });

  it('in a tarball: an edited file, a symlink entry, a path escaping the folder (never extracted)', async () => {
    const work = scratch();
    const root = join(work, 'pkg');
    expect(exportTo(root).code).toBe(0);
    appendFileSync(join(root, 'runs', 'r0003.log'), 'x');
    await tar.c({ gzip: true, file: join(work, 'edited.tar.gz'), cwd: work }, ['pkg']);
    tampered(join(work, 'edited.tar.gz'), /runs\/r0003\.log: sha256 mismatch/);

    const linked = scratch();
    expect(exportTo(join(linked, 'pkg')).code).toBe(0);
    symlinkSync('/etc/passwd', join(linked, 'pkg', 'passwd'));
    await tar.c({ gzip: true, file: join(linked, 'linked.tar.gz'), cwd: linked }, ['pkg']);
    tampered(join(linked, 'linked.tar.gz'), /SymbolicLink entry: not allowed/);

    const escape = scratch();
    mkdirSync(join(escape, 'inner'));
    expect(exportTo(join(escape, 'inner', 'pkg')).code).toBe(0);
    writeFileSync(join(escape, 'evil.txt'), 'escaped');
    await tar.c({ gzip: true, file: join(escape, 'escape.tar.gz'), cwd: join(escape, 'inner'), preservePaths: true }, ['pkg', '../evil.txt', '/etc/hostname']);
    rmSync(join(escape, 'evil.txt'));
    tampered(join(escape, 'escape.tar.gz'), /\.\.\/evil\.txt: unsafe entry in the tarball: its path leaves the package/, /\/etc\/hostname: unsafe entry/);
    expect(existsSync(join(escape, 'evil.txt'))).toBe(false);
  });
});

describe('verify: a bundle cut short is damaged evidence (exit 1), saying where it stops', () => {
  it('a .tar.gz damaged in the middle (bytes overwritten): exit 1 naming where the gzip stream turns corrupt, not "unreadable"', () => {
    const whole = join(scratch(), 'whole.tar.gz');
    expect(exportTo(whole).code).toBe(0);
    const bytes = readFileSync(whole);
    const damaged = join(scratch(), 'damaged.tar.gz');
    const copy = Buffer.from(bytes);
    copy.fill(0x55, Math.floor(copy.length / 2), Math.floor(copy.length / 2) + 64);
    writeFileSync(damaged, copy);
    const tmp = scratch('cutover-verify-tmp-');
    const result = runCli(['verify', damaged], { env: { TMPDIR: tmp } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^TAMPERED: /);
    // where the damage shows: zlib refuses the data, or it inflates to a tar header that fails its checksum
    expect(result.stdout).toMatch(new RegExp(`  ${damaged.replace(/[.]/g, '\\.')}: damaged: the (gzip stream is corrupt|archive has a header that fails its checksum) (in the middle of|after|before|between) `));
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a truncated .tar.gz (a copy cut short): exit 1 naming where the gzip stream stops, never an internal error, no temp folder left', () => {
    const whole = join(scratch(), 'whole.tar.gz');
    expect(exportTo(whole).code).toBe(0);
    const bytes = readFileSync(whole);
    for (const keep of [0.2, 0.5, 0.8, 0.95]) {
      const cut = join(scratch(), `cut-${keep}.tar.gz`);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * keep)));
      const tmp = scratch('cutover-verify-tmp-');
      const result = runCli(['verify', cut], { env: { TMPDIR: tmp } });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^TAMPERED: /);
      expect(result.stdout).toContain(`  ${cut}: truncated (cut short): the gzip stream stops `);
      expect(result.code).toBe(1);
      expect(readdirSync(tmp)).toEqual([]);
    }
    const trailerCut = join(scratch(), 'trailer-cut.tar.gz');
    writeFileSync(trailerCut, bytes.subarray(0, bytes.length - 4));
    const result = runCli(['verify', trailerCut, '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { status: string; problems: Array<{ where: string; message: string }> };
    expect(json.status).toBe('tampered');
    expect(json.problems).toEqual([{ where: trailerCut, message: expect.stringMatching(/^truncated \(cut short\): the gzip stream stops after the end of the archive \(\d+ entries complete\)$/) }]);
  });

  it('a tarball cut in the middle of evidence.json: the partial file reads as missing, not as edited', async () => {
    const dir = scratch('cutover-cut-');
    const bundle = join(dir, 'pkg');
    expect(exportTo(bundle).code).toBe(0);
    await tar.c({ file: join(dir, 'whole.tar'), cwd: dir }, ['pkg/SHA256SUMS', 'pkg/evidence.json', 'pkg/checklist.yaml', 'pkg/report.md', 'pkg/runs']);
    const whole = readFileSync(join(dir, 'whole.tar'));
    const evidenceAt = whole.indexOf('{"header":');
    const cut = join(dir, 'cut.tar');
    writeFileSync(cut, whole.subarray(0, evidenceAt + 100));
    const result = runCli(['verify', cut]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${cut}: truncated (cut short): the archive stops in the middle of pkg/evidence.json (1 entry complete)`);
    expect(result.stdout).toContain('evidence.json: listed in SHA256SUMS but missing');
    expect(result.stdout).not.toMatch(/evidence\.json: sha256 mismatch|evidence\.json seq/);
    expect(result.stdout).toContain(`TAMPERED: ${cut} (incident package (.tar)):`);
    const intact = runCli(['verify', join(dir, 'whole.tar')]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`intact: ${join(dir, 'whole.tar')} (incident package (.tar), session`);
  });
});

describe('verify: unreadable input exits 2', () => {
  it.each([
    ['a missing path', (dir: string) => join(dir, 'nope.json'), /no such file/],
    ['a text file', (dir: string) => (writeFileSync(join(dir, 'a.json'), 'hello'), join(dir, 'a.json')), /not a cutover evidence file/],
    ['JSON that is not evidence', (dir: string) => (writeFileSync(join(dir, 'b.json'), '{"a":1}'), join(dir, 'b.json')), /not a cutover evidence file/],
    ['a .tar.gz that is not a tarball', (dir: string) => (writeFileSync(join(dir, 'c.tar.gz'), 'junk'), join(dir, 'c.tar.gz')), /not a tarball/],
    ['a folder that is not a package', (dir: string) => dir, /not an incident package/],
  ])('%s', (_what, make, message) => {
    const result = runCli(['verify', make(scratch())]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
