// verify, report, export and list on evidence an outsider has tampered with in hostile ways: a
// one-line message and the documented exit code, never a stack trace or "internal error", never
// a hang (FIFOs and devices where files belong), never a crash on a header edited out of shape.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recoverCommand } from '../../src/cli/commands/recover.js';
import { sealEvent } from '../../src/domain/hash-chain.js';
import { EvidenceStore } from '../../src/services/evidence-store.js';
import { cliPath, runCli, type CliResult } from '../helpers/cli.js';
import { makeHeader } from '../store/helpers.js';
import { cleanScratch, evidenceFiles, runHeadless, scratch } from '../headless/helpers.js';

afterAll(cleanScratch);

let sourceDir: string;
let sessionFile: string;

beforeAll(() => {
  sourceDir = scratch('cutover-hostile-');
  runHeadless('fail.yaml', sourceDir, ['--ticket', 'CHG-9']);
  sessionFile = evidenceFiles(sourceDir)[0] as string;
});

function copySession(): { dir: string; file: string; logs: string; snapshot: string } {
  const dir = scratch('cutover-hostile-copy-');
  for (const name of readdirSync(sourceDir)) {
    if (!name.endsWith('.lock')) cpSync(join(sourceDir, name), join(dir, name), { recursive: true });
  }
  const file = join(dir, basename(sessionFile));
  return { dir, file, logs: file.replace(/\.json$/, '.runs'), snapshot: file.replace(/\.json$/, '.checklist.yaml') };
}

/** A FIFO nobody writes: reading it (or opening it for reading) would wait forever. */
function fifoAt(path: string): void {
  rmSync(path, { recursive: true, force: true });
  execFileSync('mkfifo', [path]);
}

/** A short timeout: a hang fails the test instead of stalling the suite. */
const cli = (args: string[]): CliResult => runCli(args, { timeout: 15_000 });

function expectClean(result: CliResult, code: number): void {
  expect(result.code).toBe(code);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('an event nested 100,000 levels deep', () => {
  it('is tampering found by verify, report and export, not a stack overflow', () => {
    const { file } = copySession();
    const lines = readFileSync(file, 'utf8').split('\n');
    const depth = 100_000;
    lines[2] = `${(lines[2] as string).slice(0, -2)},"x":${'['.repeat(depth)}${']'.repeat(depth)}},`;
    writeFileSync(file, lines.join('\n'));
    const verify = cli(['verify', file]);
    expectClean(verify, 1);
    expect(verify.stdout).toContain('seq 2: malformed event (nested too deeply to be evidence)');
    expectClean(cli(['report', file]), 1);
    expectClean(cli(['export', file, '-o', join(scratch(), 'out')]), 1);
  });
});

describe('a header edited out of shape (valid JSON, wrong field types)', () => {
  function brokenHeader(): string {
    const { file } = copySession();
    const text = readFileSync(file, 'utf8').replace(/"ticket":"CHG-9"/, '"ticket":5');
    writeFileSync(file, text);
    return file;
  }

  it('report refuses it in one line (exit 1) instead of crashing', () => {
    const report = cli(['report', brokenHeader()]);
    expectClean(report, 1);
    expect(report.stderr).toMatch(/cannot report .*: its header is damaged/);
    expect(report.stdout).toBe('');
  });

  it('list shows it as damaged among the sessions instead of crashing', () => {
    const dir = scratch('cutover-hostile-list-');
    cpSync(brokenHeader(), join(dir, 'edited.json'));
    const list = cli(['list', '--evidence-dir', dir]);
    expectClean(list, 0);
    expect(list.stdout).toContain('edited.json (damaged)');
  });
});

describe('special files where evidence files belong', () => {
  it('a FIFO run log: verify reports it, export refuses it; neither hangs', () => {
    const { file, logs } = copySession();
    fifoAt(join(logs, 'r0002.log'));
    const verify = cli(['verify', file]);
    expectClean(verify, 1);
    expect(verify.stdout).toMatch(/r0002\.log: missing or not a regular file/);
    const exported = cli(['export', file, '-o', join(scratch(), 'out.tar.gz')]);
    expectClean(exported, 1);
    expect(exported.stderr).toMatch(/run log .*r0002\.log is missing or not a regular file/);
  });

  it('a folder where a run log belongs: export refuses it in one line', () => {
    const { file, logs } = copySession();
    rmSync(join(logs, 'r0002.log'));
    mkdirSync(join(logs, 'r0002.log'));
    const exported = cli(['export', file, '-o', join(scratch(), 'out')]);
    expectClean(exported, 1);
    expect(exported.stderr).toMatch(/r0002\.log is missing or not a regular file/);
  });

  it('/dev/zero as a run log: export refuses it instead of copying forever', () => {
    const { file, logs } = copySession();
    rmSync(join(logs, 'r0002.log'));
    symlinkSync('/dev/zero', join(logs, 'r0002.log'));
    expectClean(cli(['export', file, '-o', join(scratch(), 'out')]), 1);
  });

  it('a FIFO checklist snapshot: report falls back with a warning, verify and export report it', () => {
    const { file, snapshot } = copySession();
    fifoAt(snapshot);
    const report = cli(['report', file]);
    expectClean(report, 0);
    expect(report.stderr).toMatch(/checklist snapshot .* is missing \(or not a readable regular file\)/);
    expectClean(cli(['verify', file]), 1);
    const exported = cli(['export', file, '-o', join(scratch(), 'out')]);
    expectClean(exported, 1);
    expect(exported.stderr).toMatch(/checklist snapshot .* is missing \(or not a regular file\)/);
  });

  it('a FIFO lock beside the evidence: report does not wait on it', () => {
    const { file } = copySession();
    fifoAt(`${file}.lock`);
    expectClean(cli(['report', file]), 0);
  });
});

describe('files edited by an editor (content intact, layout not)', () => {
  it('a byte order mark is read through (verify exit 0), like CRLF line ends', () => {
    const { file } = copySession();
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    const verify = cli(['verify', file]);
    expectClean(verify, 0);
    expect(verify.stdout).toMatch(/^intact: /);
  });

  // The recovery step of `resume --recover`, called directly: the command itself first needs a terminal.
  it('resume --recover copies an intact but rewritten (CRLF) file, since cutover cannot append to it', async () => {
    const { dir, file } = copySession();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const said: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => said.push(String(chunk)) > 0);
    const copy = await recoverCommand(file).finally(() => stderr.mockRestore());
    expect(said.join('')).toContain('is intact but was rewritten by another tool; left untouched');
    expect(readdirSync(dir)).toContain(basename(copy));
    expect(copy).toMatch(/\.recovered-\d+\.json$/);
    expectClean(cli(['verify', copy]), 0);
  });
});

describe('an edited SHA256SUMS in an incident package folder', () => {
  function bundle(): string {
    const out = join(scratch(), 'bundle');
    expect(cli(['export', sessionFile, '-o', out]).code).toBe(0);
    return out;
  }

  it('a line listed twice is tampering', () => {
    const out = bundle();
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8');
    appendFileSync(join(out, 'SHA256SUMS'), sums.split('\n')[0] + '\n');
    const verify = cli(['verify', out]);
    expectClean(verify, 1);
    expect(verify.stdout).toMatch(/listed twice in SHA256SUMS/);
  });

  it('thousands of garbage lines are summarized, not printed one by one', () => {
    const out = bundle();
    writeFileSync(join(out, 'SHA256SUMS'), `${Array.from({ length: 5000 }, (_, i) => `garbage ${i}`).join('\n')}\n`);
    const verify = cli(['verify', out]);
    expectClean(verify, 1);
    expect(verify.stdout).toContain('4980 more malformed lines');
    expect(verify.stdout.split('\n').length).toBeLessThan(60);
  });
});

describe('export -o at odd places', () => {
  it('a dangling symbolic link is something in the way: refused, not followed', () => {
    const out = join(scratch(), 'out');
    symlinkSync(join(scratch(), 'nowhere', 'x'), out);
    const exported = cli(['export', sessionFile, '-o', out]);
    expectClean(exported, 1);
    expect(exported.stderr).toContain('already exists');
  });

  it('an existing file, even an empty one, is named as a file, not as a folder "not empty"', () => {
    const out = join(scratch(), 'x.tar.gz');
    writeFileSync(out, '');
    const exported = cli(['export', sessionFile, '-o', out]);
    expectClean(exported, 1);
    expect(exported.stderr).toContain('already exists (a file): not overwriting it');
  });

  it('an empty -o is a usage error (exit 2), not "already exists"', () => {
    const exported = cli(['export', sessionFile, '-o', '']);
    expectClean(exported, 2);
    expect(exported.stderr).toContain('-o needs a path');
  });
});

describe('a run log swapped for a huge sparse file', () => {
  it('verify and export see the size differs at once, without reading 8 GB', () => {
    const { file, logs } = copySession();
    truncateSync(join(logs, 'r0002.log'), 8 * 1024 ** 3);
    const verify = cli(['verify', file]);
    expectClean(verify, 1);
    expect(verify.stdout).toMatch(/r0002\.log: sha256 mismatch \(run r0002: 8589934592 bytes where seq \d+ recorded \d+\)/);
    const out = join(scratch(), 'out');
    const exported = cli(['export', file, '-o', out]);
    expectClean(exported, 1);
    expect(exported.stderr).toMatch(/run log .*r0002\.log does not match the sha256 recorded/);
  });

  it('in a package folder too: SHA256SUMS does not hash what the size already condemned', () => {
    const out = join(scratch(), 'bundle');
    expect(cli(['export', sessionFile, '-o', out]).code).toBe(0);
    truncateSync(join(out, 'runs', 'r0002.log'), 8 * 1024 ** 3);
    const verify = cli(['verify', out]);
    expectClean(verify, 1);
    expect(verify.stdout).toMatch(/runs\/r0002\.log: sha256 mismatch \(run r0002: 8589934592 bytes/);
  });

  it('an evidence.json or checklist grown to 8 GB in a package folder is not hashed either', () => {
    for (const name of ['evidence.json', 'checklist.yaml']) {
      const out = join(scratch(), 'bundle');
      expect(cli(['export', sessionFile, '-o', out]).code).toBe(0);
      truncateSync(join(out, name), 8 * 1024 ** 3);
      const verify = cli(['verify', out]);
      expectClean(verify, 1);
      expect(verify.stdout).toContain(`${name}: far larger than cutover ever writes it (not hashed)`);
    }
  });
});

describe('escape sequences inside a (re-hashed) evidence file', () => {
  const ESC = '\u001b';

  it('verify and report print them as plain text, never to the terminal', async () => {
    const header = makeHeader({ ticket: `CHG-1${ESC}]0;retitled${ESC}\\${ESC}[2J` });
    const dir = scratch('cutover-hostile-esc-');
    const store = await EvidenceStore.create(dir, header, 'id: db-failover\n');
    await store.append({ type: 'session.started', pid: 1 }, 'alice');
    await store.close();
    // a second event with an unknown key, chained correctly: verify names the key in its problem
    const text = readFileSync(store.path, 'utf8');
    const last = JSON.parse(text.split('\n')[1] as string) as { hash: string };
    const forged = sealEvent(2, new Date().toISOString(), 'alice', { type: 'note.added', text: 'x', [`${ESC}[31mred`]: 1 } as never, last.hash);
    writeFileSync(store.path, text.replace(/\n\]\}\n$/, `,\n${JSON.stringify(forged)}\n]}\n`));

    const verify = cli(['verify', store.path]);
    expectClean(verify, 1);
    expect(verify.stdout).toContain('malformed note.added event');
    expect(verify.stdout).not.toContain(ESC);
    const report = cli(['report', store.path]);
    expect(report.stdout).toContain('CHG-1');
    expect(report.stdout).not.toContain(ESC);
    expect(report.stderr).not.toContain(ESC);
  });
});

describe('an export stopped by a signal', () => {
  it('leaves no half-written staging folder, and exits 143 for SIGTERM', async () => {
    const dir = scratch('cutover-hostile-big-');
    const checklist = join(dir, 'big.yaml');
    writeFileSync(checklist, 'id: big\ntitle: Big\nversion: 1\nsections:\n  - id: s\n    title: S\n    kind: smoke\n    items:\n      - { id: big, title: Big, run: "head -c 300000000 /dev/zero" }\n');
    expect(runCli(['run', checklist, '--headless', '--evidence-dir', dir]).code).toBe(0);
    const out = join(dir, 'out');
    mkdirSync(out);
    const child = spawn(process.execPath, [cliPath, 'export', evidenceFiles(dir)[0] as string, '-o', join(out, 'pkg.tar.gz')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    for (let i = 0; i < 500 && !readdirSync(out).some((name) => name.includes('.partial-')); i++) await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(out).some((name) => name.includes('.partial-'))).toBe(true);
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(143);
    expect(stderr).toContain('export cancelled (SIGTERM)');
    expect(readdirSync(out)).toEqual([]);
  });
});
