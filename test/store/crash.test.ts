// kill -9 in the middle of a stream of appends: every acknowledged event survives, the chain is
// intact, and the session opens again (the dead writer's lock is taken over).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EvidenceStore, readEvidence } from '../../src/services/evidence-store.js';
import { storeWithEvents } from './helpers.js';
import { buildStoreBundle, startChild } from './processes.js';

let bundle: string;
beforeAll(async () => {
  bundle = await buildStoreBundle();
});

describe('crash safety', () => {
  it('never shows a session that is being written as damaged to a reader', async () => {
    const { path } = await storeWithEvents();
    const writer = startChild(bundle, 'stream', path);
    await writer.waitFor('acked 10\n');
    try {
      let last = 0;
      for (let i = 0; i < 40; i++) {
        const read = await readEvidence(path);
        expect(read.problem).toBeUndefined();
        expect(read.events.length).toBeGreaterThanOrEqual(last);
        last = read.events.length;
      }
      expect(last).toBeGreaterThan(10);
    } finally {
      writer.proc.kill('SIGKILL');
      await writer.exited;
    }
  });

  for (const after of [1, 150]) {
    it(`keeps every acknowledged event when the writer is killed -9 after ${after}+ appends`, async () => {
      const { path } = await storeWithEvents();
      const writer = startChild(bundle, 'stream', path);
      await writer.waitFor(new RegExp(`acked ${6 + after}\\n`));
      writer.proc.kill('SIGKILL');
      expect((await writer.exited).signal).toBe('SIGKILL');
      const acked = Math.max(...[...writer.stdout.matchAll(/acked (\d+)\n/g)].map((m) => Number(m[1])));

      const read = await readEvidence(path);
      expect(read.problem).toBeUndefined();
      expect(read.events.length).toBeGreaterThanOrEqual(acked);
      expect(() => JSON.parse(readFileSync(path, 'utf8'))).not.toThrow();

      const store = await EvidenceStore.open(path);
      expect(store.events.slice(6, acked).map((e) => (e as { text?: string }).text?.split(' ')[1])).toEqual(
        Array.from({ length: acked - 6 }, (_, i) => String(i)),
      );
      await store.append({ type: 'session.resumed', pid: process.pid }, 'alice');
      await store.close();
      expect((await readEvidence(path)).problem).toBeUndefined();
    });
  }
});
