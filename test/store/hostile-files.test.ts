// Evidence, locks and headers an outsider has replaced or edited out of shape: refused in words,
// never a hang on a FIFO, never a raw file-system error.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { renderDocument } from '../../src/domain/evidence-format.js';
import { EvidenceStore, readEvidence, writeRecoveredCopy } from '../../src/services/evidence-store.js';
import { bootId, holderIsGone, procStartOf } from '../../src/services/process-liveness.js';
import { storeWithEvents } from './helpers.js';

async function refusal(path: string): Promise<unknown> {
  return EvidenceStore.open(path).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (error: unknown) => error,
  );
}

describe('a lock that is not a lock file', () => {
  const cases: Array<[string, (lock: string) => void]> = [
    ['a folder', (lock) => mkdirSync(lock)],
    ['a FIFO (reading it would wait forever)', (lock) => execFileSync('mkfifo', [lock])],
    ['a symbolic link to nowhere', (lock) => symlinkSync('/nonexistent/cutover-lock', lock)],
    ['a link to /dev/zero (reading it would never end)', (lock) => symlinkSync('/dev/zero', lock)],
  ];
  it.each(cases)('%s: the session is refused as locked by something that is not a cutover lock', async (_name, make) => {
    const { path } = await storeWithEvents();
    make(`${path}.lock`);
    const error = await refusal(path);
    expect(error).toBeInstanceOf(CutoverError);
    expect((error as CutoverError).message).toMatch(/is locked by .*\.lock, which is not a cutover lock/);
    rmSync(`${path}.lock`, { recursive: true, force: true });
  });
});

describe('a header edited out of shape', () => {
  it('the damage hint does not offer to recover events that cannot be trusted', async () => {
    const { path } = await storeWithEvents();
    writeFileSync(path, readFileSync(path, 'utf8').replace('"ticket":"CHG-1234"', '"ticket":5'));
    const { problem } = await readEvidence(path);
    expect(problem?.seq).toBe(1);
    expect(problem?.hint).toContain('none of its events can be trusted');
    expect(problem?.hint).not.toContain('--recover');
    const error = await refusal(path);
    expect((error as CutoverError).hint).not.toContain('--recover');
  });
});

describe('a file cut right after its header', () => {
  it('says it ends after its header (not "after seq 0")', async () => {
    const { path } = await storeWithEvents();
    writeFileSync(path, `${readFileSync(path, 'utf8').split('\n')[0]}\n`);
    const { problem, events } = await readEvidence(path);
    expect(events).toEqual([]);
    expect(problem?.message).toMatch(/^file ends after its header without its closing/);
  });
});

describe('a lock held by a killed process nobody reaped (a zombie)', () => {
  it('is taken over: the zombie still answers signal 0 but holds nothing', async () => {
    // `sh` starts `sleep`, then becomes a `sleep` itself, which never reaps: the killed child stays a zombie.
    const parent = spawn('sh', ['-c', 'sleep 30 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const [line] = (await once(parent.stdout, 'data')) as [Buffer];
      const pid = Number(line.toString().trim());
      const holder = { pid, host: hostname(), bootId, procStart: procStartOf(pid) };
      expect(holderIsGone(holder)).toBe(false);
      // Until `sh` has become `sleep`, it would reap the child it started (under load it may not be there yet).
      for (let i = 0; i < 100 && readFileSync(`/proc/${parent.pid}/comm`, 'utf8').trim() !== 'sleep'; i++) await new Promise((r) => setTimeout(r, 20));
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '); i++) await new Promise((r) => setTimeout(r, 20));
      expect(() => process.kill(pid, 0)).not.toThrow(); // still there, as a zombie
      expect(holderIsGone(holder)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});

describe('a file an editor saved with CRLF line ends', () => {
  it('is refused for appending, with the command that continues from a copy', async () => {
    const { path } = await storeWithEvents();
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    const error = (await refusal(path)) as CutoverError;
    expect(error.message).toContain('was rewritten by another tool');
    expect(error.hint).toContain(`cutover resume --recover ${path}`);
  });
});

describe('a key added beside the header and the events', () => {
  it('is content no hash covers: reported after the intact events', async () => {
    const { path } = await storeWithEvents();
    writeFileSync(path, readFileSync(path, 'utf8').replace(/,"events":\[\n/, ',"smuggled":"x","events":[\n'));
    const { problem, events } = await readEvidence(path);
    expect(events).toHaveLength(6);
    expect(problem).toMatchObject({ seq: 7, message: 'the file holds "smuggled" beside its header and events (file edited)' });
  });
});

describe('a recovered copy that cannot be written beside the original', () => {
  it('is refused in words (exit 2), not a raw file-system error', async () => {
    const { path, header } = await storeWithEvents();
    // a session id too long to name a file after: the copy cannot be created (no event vouches
    // for the header of a file without events, so this edit is not tampering a copy would launder)
    writeFileSync(path, renderDocument({ ...header, sessionId: 'a'.repeat(250) }, []));
    const error = (await writeRecoveredCopy(path).catch((e: unknown) => e)) as CutoverError;
    expect(error).toBeInstanceOf(CutoverError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^cannot write a recovered copy of .* beside it: the file name is too long$/);
  });
});
