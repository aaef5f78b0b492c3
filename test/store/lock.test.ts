// One writer per evidence file, checked with real processes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveLockHolder } from '../../src/services/evidence-lock.js';
import { EvidenceStore } from '../../src/services/evidence-store.js';
import { storeWithEvents } from './helpers.js';
import { buildStoreBundle, runChild, startChild } from './processes.js';

let bundle: string;
beforeAll(async () => {
  bundle = await buildStoreBundle();
});

const lockOf = (path: string) => JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number; host: string; sessionId: string };

function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  return pid as number;
}

describe('evidence lock', () => {
  it('refuses a second process while this one holds the session, and lets it in after close', async () => {
    const { path, header } = await storeWithEvents();
    const store = await EvidenceStore.open(path);
    expect(lockOf(path)).toMatchObject({ pid: process.pid, host: hostname(), sessionId: header.sessionId });

    const refused = await runChild(bundle, 'open', path);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`cutover: session ${header.sessionId} is open in process ${process.pid} on ${hostname()}`);

    await store.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(await runChild(bundle, 'open', path)).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuses this process while a child holds it; takes the lock over once the child is killed -9', async () => {
    const { path, header } = await storeWithEvents();
    const holder = startChild(bundle, 'hold', path);
    await holder.waitFor('ready');
    await expect(EvidenceStore.open(path)).rejects.toMatchObject({
      message: `session ${header.sessionId} is open in process ${holder.proc.pid} on ${hostname()}`,
      exitCode: 1,
    });
    holder.proc.kill('SIGKILL');
    await holder.exited;
    expect(lockOf(path).pid).toBe(holder.proc.pid); // left behind by the dead process
    const store = await EvidenceStore.open(path);
    expect(lockOf(path).pid).toBe(process.pid);
    await store.close();
  });

  it('releases the lock when the process exits without closing the store', async () => {
    const { path } = await storeWithEvents();
    expect(await runChild(bundle, 'exit', path)).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('reports who holds a live lock, and nobody for a dead one', async () => {
    const { path } = await storeWithEvents();
    const store = await EvidenceStore.open(path);
    expect(await liveLockHolder(path)).toMatchObject({ pid: process.pid, host: hostname() });
    await store.close();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: 'x', sessionId: 's', nonce: 'n' }));
    expect(await liveLockHolder(path)).toBeUndefined();
  });

  it('takes over a lock whose pid is dead', async () => {
    const { path } = await storeWithEvents();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: 'x', sessionId: 's', nonce: 'n1' }));
    const store = await EvidenceStore.open(path);
    expect(lockOf(path).pid).toBe(process.pid);
    await store.close();
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to another process (pid reuse)', async () => {
    const { path } = await storeWithEvents();
    // the pid is alive (it is ours), but the process that wrote the lock started at another time
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 'x', sessionId: 's', nonce: 'n2', procStart: '1' }));
    const store = await EvidenceStore.open(path);
    await store.close();
  });

  it('refuses a second open of the same session inside one process', async () => {
    const { path, header } = await storeWithEvents();
    const store = await EvidenceStore.open(path);
    await expect(EvidenceStore.open(path)).rejects.toThrow(`session ${header.sessionId} is open in process ${process.pid}`);
    await store.close();
  });

  it('never takes over a lock from another host', async () => {
    const { path, header } = await storeWithEvents();
    const foreign = { pid: deadPid(), host: 'db-jump-02.example', startedAt: 'x', sessionId: header.sessionId, nonce: 'n' };
    writeFileSync(`${path}.lock`, JSON.stringify(foreign));
    const error = await EvidenceStore.open(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: `session ${header.sessionId} is open in process ${foreign.pid} on db-jump-02.example`, exitCode: 1 });
    expect((error as { hint: string }).hint).toContain(`delete ${path}.lock`);
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toEqual(foreign);
  });

  it('lets exactly one of two processes take over a dead lock at the same moment', async () => {
    const { path } = await storeWithEvents();
    for (let round = 0; round < 3; round++) {
      writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: 'x', sessionId: 's', nonce: `dead${round}` }));
      const racers = [startChild(bundle, 'hold', path), startChild(bundle, 'hold', path)];
      const outcomes = await Promise.all(
        racers.map((child) => Promise.race([child.waitFor('ready').then(() => 'holds'), child.exited.then(() => 'refused')]).catch(() => 'refused')),
      );
      expect([...outcomes].sort()).toEqual(['holds', 'refused']);
      const winner = racers[outcomes.indexOf('holds')];
      expect(racers[outcomes.indexOf('refused')]?.stderr).toContain(`is open in process ${winner?.proc.pid} on `);
      for (const child of racers) child.proc.kill('SIGKILL');
      await Promise.all(racers.map((child) => child.exited));
    }
  });
});
