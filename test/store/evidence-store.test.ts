import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { sealEvent } from '../../src/domain/hash-chain.js';
import { foldEvents } from '../../src/domain/session-state.js';
import { EvidenceFileAdapter } from '../../src/services/evidence-adapter.js';
import { EvidenceStore, listSessions, newSessionId, readEvidence } from '../../src/services/evidence-store.js';
import { tempDir } from '../helpers/cli.js';
import { makeHeader, sampleBodies, storeWithEvents } from './helpers.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('EvidenceStore', () => {
  it('creates the evidence file (0600), the checklist snapshot (0600) and the runs directory (0700)', async () => {
    const dir = join(tempDir(), 'nested', 'evidence');
    const header = makeHeader();
    const store = await EvidenceStore.create(dir, header, 'id: db-failover\ntitle: DB failover\n');
    expect(store.path).toBe(join(dir, `${header.sessionId}.json`));
    expect(mode(store.path)).toBe(0o600);
    expect(mode(join(dir, header.checklist.snapshot))).toBe(0o600);
    expect(readFileSync(join(dir, header.checklist.snapshot), 'utf8')).toBe('id: db-failover\ntitle: DB failover\n');
    expect(mode(join(dir, `${header.sessionId}.runs`))).toBe(0o700);
    expect(store.runLogPath('r1')).toBe(join(dir, `${header.sessionId}.runs`, 'r1.log'));
    expect(store.runLogRelative('r1')).toBe(`${header.sessionId}.runs/r1.log`);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ header, events: [] });
    await store.close();
    expect(existsSync(`${store.path}.lock`)).toBe(false);
  });

  it('round-trips events through the file: one per line, valid JSON after every append', async () => {
    const dir = tempDir();
    const store = await EvidenceStore.create(dir, makeHeader(), 'x');
    for (const body of sampleBodies) {
      const event = await store.append(body, 'alice');
      const onDisk = JSON.parse(readFileSync(store.path, 'utf8'));
      expect(onDisk.events.at(-1)).toEqual(event);
    }
    expect(store.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(store.events[1]).toMatchObject({ type: 'role.assigned', contact: '', tbd: false, by: 'alice' });
    expect(store.events[0]?.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(store.state).toEqual(foldEvents(store.header, store.events));
    await store.close();

    const lines = readFileSync(store.path, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^\{"header":\{.*\},"events":\[$/);
    expect(lines.slice(1, 7).every((line, i) => JSON.parse(line.replace(/,$/, '')).seq === i + 1)).toBe(true);
    expect(lines.slice(7)).toEqual([']}', '']);

    const reopened = await EvidenceStore.open(store.path);
    expect(reopened.events).toEqual(store.events);
    expect(reopened.state).toEqual(store.state);
    await reopened.append({ type: 'session.closed' }, 'alice');
    await reopened.close();
    expect((await readEvidence(store.path)).events).toHaveLength(7);
  });

  it('writes concurrent appends in call order, each chained to the one before', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'x');
    const texts = Array.from({ length: 20 }, (_, i) => `note ${i}`);
    const events = await Promise.all(texts.map((text) => store.append({ type: 'note.added', text }, 'alice')));
    expect(events.map((e) => e.seq)).toEqual(texts.map((_, i) => i + 1));
    expect(events.map((e) => (e as { text: string }).text)).toEqual(texts);
    await store.close();
    expect((await readEvidence(store.path)).problem).toBeUndefined();
  });

  it('refuses an invalid event body without recording anything, and keeps going', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'x');
    await expect(store.append({ type: 'note.added' } as never, 'alice')).rejects.toThrow(/invalid note\.added event: text/);
    await store.append({ type: 'note.added', text: 'ok' }, 'alice');
    expect(store.events).toHaveLength(1);
    await store.close();
    await expect(store.append({ type: 'note.added', text: 'late' }, 'alice')).rejects.toThrow(/closed/);
    expect((await readEvidence(store.path)).events).toHaveLength(1);
  });

  it('a session that never got its evidence file leaves nothing of its own behind', async () => {
    const dir = tempDir();
    const header = makeHeader();
    // something in the way of the checklist snapshot: the runs folder is made, then the snapshot fails
    mkdirSync(join(dir, header.checklist.snapshot));
    await expect(EvidenceStore.create(dir, header, 'id: x\n')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual([header.checklist.snapshot]);
  });

  it('refuses to create over an existing session, and to open a missing file', async () => {
    const { dir, header, path } = await storeWithEvents();
    await expect(EvidenceStore.create(dir, header, 'x')).rejects.toThrow(/already exists/);
    expect((await readEvidence(path)).events).toHaveLength(sampleBodies.length);
    await expect(EvidenceStore.open(join(dir, 'nope.json'))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/no evidence file/) });
    await expect(EvidenceStore.open(dir)).rejects.toMatchObject({
      exitCode: 2,
      message: `${dir} is a folder, not an evidence file`,
      hint: `\`cutover resume --evidence-dir ${dir}\` resumes its latest unfinished session; \`cutover list --evidence-dir ${dir}\` lists them`,
    });
    const loop = join(dir, 'loop.json');
    symlinkSync(loop, loop);
    await expect(EvidenceStore.open(loop)).rejects.toMatchObject({ exitCode: 2, message: `no evidence file at ${loop}: a symbolic link loop` });
  });

  it('turns a disk problem into one clear line', async () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, '');
    await expect(EvidenceStore.create(join(file, 'evidence'), makeHeader(), 'x')).rejects.toMatchObject({
      name: 'CutoverError',
      message: expect.stringMatching(/^cannot create the evidence directory .*not-a-dir\/evidence: a part of the path is not a directory$/),
    });
  });

  it('refuses a file another tool reformatted, even though its chain is intact', async () => {
    const { path } = await storeWithEvents();
    writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8')), null, 2));
    expect((await readEvidence(path)).problem).toBeUndefined();
    await expect(EvidenceStore.open(path)).rejects.toThrow(/rewritten by another tool/);
  });

  it('tells apart a file that is not evidence (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other.json'), '{"name":"package"}');
    writeFileSync(join(dir, 'empty.json'), '');
    const err = await readEvidence(join(dir, 'other.json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CutoverError);
    expect(err).toMatchObject({ exitCode: 2, message: expect.stringMatching(/not a cutover evidence file/) });
    await expect(readEvidence(join(dir, 'empty.json'))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/empty/) });
    await expect(readEvidence(join(dir, 'missing.json'))).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe('EvidenceStore guards', () => {
  it('stops recording when something else changes the file under an open session', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'x');
    await store.append({ type: 'session.started', pid: 1 }, 'alice');
    writeFileSync(store.path, `${readFileSync(store.path, 'utf8')}\n`);
    await expect(store.append({ type: 'note.added', text: 'a' }, 'alice')).rejects.toThrow(/changed or replaced by something else/);
    await expect(store.append({ type: 'note.added', text: 'b' }, 'alice')).rejects.toThrow(/nothing more is recorded/);
    expect(store.events).toHaveLength(1);
    await store.close();
  });

  it('has a lowdb adapter that only ever appends', async () => {
    const store = await EvidenceStore.create(tempDir(), makeHeader(), 'x');
    await store.append({ type: 'session.started', pid: 1 }, 'alice');
    await store.close();
    const adapter = new EvidenceFileAdapter(store.path);
    const doc = await adapter.read();
    const db = new Low(adapter, doc);
    await expect(adapter.write({ ...doc, header: { ...doc.header, operator: 'mallory' } })).rejects.toThrow(/header cannot be changed/);
    await expect(adapter.write({ header: doc.header, events: [] })).rejects.toThrow(/remove recorded events/);
    const forged = { ...doc.events[0]!, pid: 2 };
    await expect(adapter.write({ header: doc.header, events: [forged] })).rejects.toThrow(/rewrite recorded events/);
    db.data.events.push(sealEvent(2, new Date().toISOString(), 'alice', { type: 'note.added', text: 'via lowdb' }, doc.events[0]!.hash));
    await db.write();
    await adapter.close();
    expect((await readEvidence(store.path)).events.map((e) => e.type)).toEqual(['session.started', 'note.added']);
  });
});

describe('listSessions', () => {
  it('lists evidence files, most recent activity first, with damage flagged and non-evidence skipped', async () => {
    const dir = tempDir();
    const older = await EvidenceStore.create(dir, makeHeader({ ticket: 'OLD-1' }), 'x');
    await older.append({ type: 'session.started', pid: 1 }, 'alice');
    await older.append({ type: 'session.closed' }, 'alice');
    await older.close();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await EvidenceStore.create(dir, makeHeader({ ticket: 'NEW-2', mode: 'drill' }), 'x');
    await newer.append({ type: 'session.started', pid: 1 }, 'alice');
    await newer.close();
    writeFileSync(join(dir, 'notes.json'), '[]');
    const sessions = await listSessions(dir);
    expect(sessions.map((s) => [s.ticket, s.mode, s.closed, s.events])).toEqual([
      ['NEW-2', 'drill', false, 1],
      ['OLD-1', 'live', true, 2],
    ]);
    expect(sessions[0]).toMatchObject({ checklistId: 'db-failover', title: 'DB failover', operator: 'alice', environment: 'production' });
    expect(sessions[0]?.problem).toBeUndefined();

    writeFileSync(newer.path, readFileSync(newer.path, 'utf8').replace('"pid":1', '"pid":2'));
    expect((await listSessions(dir)).find((s) => s.ticket === 'NEW-2')?.problem).toBe('seq 1: hash mismatch (event edited)');
    expect(await listSessions(join(dir, 'missing'))).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });
});

describe('newSessionId', () => {
  it('is <checklistId>-YYYYMMDD-HHMMSS-<4 hex> in UTC, safe as a file name', () => {
    expect(newSessionId('db-failover', new Date('2030-02-03T04:05:06.789Z'))).toMatch(/^db-failover-20300203-040506-[0-9a-f]{4}$/);
    expect(newSessionId('../we ird/id')).toMatch(/^we-ird-id-\d{8}-\d{6}-[0-9a-f]{4}$/);
  });
});
