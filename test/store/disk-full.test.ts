// A disk that fills up mid-append: the event is refused with a clear message and a hint, the file
// is put back as it was (still valid, every earlier event intact), and once space is back the
// session goes on appending.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { EvidenceStore, readEvidence } from '../../src/services/evidence-store.js';
import { tempDir } from '../helpers/cli.js';
import { makeHeader, sampleBodies } from './helpers.js';

const disk = vi.hoisted(() => ({ full: false, stuck: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  // Like a real full disk: part of the bytes get written, then the next write fails; truncating
  // what was written frees that space again.
  const writeSync = ((fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => {
    if (!disk.full) return real.writeSync(fd, buffer, offset, length, position);
    if (length > 1) return real.writeSync(fd, buffer, offset, Math.floor(length / 2), position);
    disk.full = disk.stuck;
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }) as typeof real.writeSync; // the positional form is the only one the evidence adapter uses
  return { ...real, default: { ...real, writeSync }, writeSync };
});

afterEach(() => {
  disk.full = false;
  disk.stuck = false;
});

describe('evidence store on a full disk', () => {
  it('refuses the event with a hint, leaves a valid file with every earlier event, and appends again once space is back', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'id: db-failover\n');
    for (const body of sampleBodies.slice(0, 3)) await store.append(body, 'alice');
    const before = readFileSync(store.path, 'utf8');

    disk.full = true;
    const refused = await store.append({ type: 'note.added', text: 'x'.repeat(2000) }, 'alice').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CutoverError);
    expect((refused as CutoverError).message).toMatch(/could not write to evidence file .* \(ENOSPC\): the event was not recorded/);
    expect((refused as CutoverError).hint).toMatch(/free space on that disk, then continue the session with `cutover resume .*\.json`/);
    expect(readFileSync(store.path, 'utf8')).toBe(before);
    expect(store.events).toHaveLength(3);

    await store.append({ type: 'note.added', text: 'space is back' }, 'alice');
    await store.close();
    const read = await readEvidence(store.path);
    expect(read.problem).toBeUndefined();
    expect(read.events.map((e) => e.type)).toEqual(['session.started', 'role.assigned', 't0.marked', 'note.added']);
  });

  it('a disk that stays full: nothing more is recorded, and every earlier event can still be read', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'id: db-failover\n');
    for (const body of sampleBodies.slice(0, 3)) await store.append(body, 'alice');
    disk.full = disk.stuck = true;
    await expect(store.append({ type: 'note.added', text: 'lost' }, 'alice')).rejects.toThrow(/ENOSPC/);
    await expect(store.append({ type: 'note.added', text: 'after' }, 'alice')).rejects.toThrow(/could not be restored after a failed write; nothing more is recorded/);
    disk.full = disk.stuck = false;
    await store.close().catch(() => undefined);
    const read = await readEvidence(store.path);
    expect(read.events.map((e) => e.type)).toEqual(['session.started', 'role.assigned', 't0.marked']);
  });
});
