// Group commit: a deferred event is written at once (a reader, or a kill -9, already sees it) but
// only reported through whenDurable once an fdatasync has covered it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerHash, sealEvent } from '../../src/domain/hash-chain.js';
import { EvidenceFileAdapter } from '../../src/services/evidence-adapter.js';
import { EvidenceStore, readEvidence } from '../../src/services/evidence-store.js';
import { tempDir } from '../helpers/cli.js';
import { makeHeader } from './helpers.js';

const onDisk = (path: string): string[] => (JSON.parse(readFileSync(path, 'utf8')) as { events: Array<{ text: string }> }).events.map((e) => e.text);
const note = (text: string) => ({ type: 'note.added' as const, text });

describe('group commit', () => {
  it('writes a deferred event at once, and reports it only after the next durable append', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'x');
    const reported: string[] = [];
    await store.append(note('first'), 'alice');
    store.whenDurable(() => reported.push('after first'));
    await store.append(note('second'), 'alice', { defer: true });
    expect(onDisk(store.path)).toEqual(['first', 'second']);
    expect(store.state.notes.map((n) => n.text)).toEqual(['first', 'second']);
    store.whenDurable(() => reported.push('after second'));
    await store.sync();
    expect(reported).toEqual(['after first', 'after second']);

    await store.append(note('third'), 'alice', { defer: true });
    store.whenDurable(() => reported.push('after third'));
    store.whenDurable(() => reported.push('and in order'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reported).toHaveLength(2);
    const fourth = store.append(note('fourth'), 'alice');
    store.whenDurable(() => reported.push('after fourth'));
    await fourth;
    expect(reported.slice(0, 4)).toEqual(['after first', 'after second', 'after third', 'and in order']);
    await store.close();
    expect(reported.at(-1)).toBe('after fourth');
    expect(onDisk(store.path)).toEqual(['first', 'second', 'third', 'fourth']);
    expect((await readEvidence(store.path)).problem).toBeUndefined();
  });

  it('close() makes deferred events durable and runs what waited for them', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'x');
    await store.append(note('last words'), 'alice', { defer: true });
    let reported = false;
    store.whenDurable(() => (reported = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reported).toBe(false);
    await store.close();
    expect(reported).toBe(true);
    expect(onDisk(store.path)).toEqual(['last words']);
  });

  it('notices a file replaced under a deferred event before syncing, and records nothing more', async () => {
    const dir = tempDir();
    const store = await EvidenceStore.create(dir, makeHeader(), 'x');
    await store.append(note('deferred'), 'alice', { defer: true });
    const text = readFileSync(store.path, 'utf8');
    rmSync(store.path);
    writeFileSync(store.path, text);
    await expect(store.append(note('next'), 'alice')).rejects.toThrow(/changed or replaced by something else/);
    await expect(store.sync()).rejects.toThrow(/nothing more is recorded/);
    await expect(store.close()).rejects.toThrow(/changed or replaced/);
    expect(onDisk(store.path)).toEqual(['deferred']);
  });

  it('the adapter knows when bytes wait for an fdatasync', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'x');
    await store.close();
    const adapter = new EvidenceFileAdapter(store.path);
    const doc = await adapter.read();
    expect(adapter.hasUnsynced).toBe(false);
    doc.events.push(sealEvent(1, new Date().toISOString(), 'alice', note('n'), headerHash(doc.header)));
    adapter.writeUnsynced(doc);
    expect(adapter.hasUnsynced).toBe(true);
    adapter.sync();
    expect(adapter.hasUnsynced).toBe(false);
    await adapter.close();
    expect((await readEvidence(store.path)).events).toHaveLength(1);
  });
});
