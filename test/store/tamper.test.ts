// Every kind of damage is found at its first bad seq; open refuses without touching the file;
// readEvidence returns the intact prefix; a recovered copy of that prefix opens and continues.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CutoverError } from '../../src/domain/errors.js';
import { EvidenceStore, readEvidence, writeRecoveredCopy } from '../../src/services/evidence-store.js';
import { storeWithEvents } from './helpers.js';

/** Lines of a 6-event file: [0] header, [1..6] events, [7] "]}", [8] "". */
type Edit = (lines: string[], text: string) => string;
const join = (lines: string[]) => lines.join('\n');

const cases: Array<{ name: string; edit: Edit; seq: number; message: RegExp; unrecoverable?: true }> = [
  { name: 'hand-edited event', edit: (l) => join(l.map((x, i) => (i === 4 ? x.replace('replica lag 0s', 'replica lag 9s') : x))), seq: 4, message: /hash mismatch \(event edited\)/ },
  { name: 'deleted event', edit: (l) => join([...l.slice(0, 3), ...l.slice(4)]), seq: 3, message: /seq 4 follows 2 \(event deleted or reordered\)/ },
  { name: 'reordered events', edit: (l) => join([l[0]!, l[1]!, l[3]!, l[2]!, ...l.slice(4)]), seq: 2, message: /seq 3 follows 1/ },
  { name: 'duplicated event', edit: (l) => join([...l.slice(0, 4), l[3]!, ...l.slice(4)]), seq: 4, message: /seq 3 follows 3 \(event duplicated or reordered\)/ },
  { name: 'edited header', edit: (l) => join([l[0]!.replace('"operator":"alice"', '"operator":"mallory"'), ...l.slice(1)]), seq: 1, message: /header edited/, unrecoverable: true },
  { name: 'header with a field removed', edit: (l) => join([l[0]!.replace('"ticket":"CHG-1234",', ''), ...l.slice(1)]), seq: 1, message: /header is malformed/, unrecoverable: true },
  { name: 'file cut in the middle of an event', edit: (_l, t) => t.slice(0, t.indexOf('"seq":5') + 30), seq: 5, message: /event is incomplete \(file truncated/ },
  { name: 'file cut after a complete event', edit: (l) => `${join(l.slice(0, 5))}\n`, seq: 5, message: /ends after seq 4 without its closing/ },
  { name: 'torn append (power cut mid-write)', edit: (_l, t) => `${t.slice(0, -4)},\n{"seq":7,"ts":"2030-01-01T0`, seq: 7, message: /event is incomplete/ },
  { name: 'torn append that left zeros', edit: (_l, t) => `${t.slice(0, -4)},\n${'\0'.repeat(300)}`, seq: 7, message: /event is incomplete/ },
  { name: 'garbage appended', edit: (_l, t) => `${t}rm -rf /\n`, seq: 7, message: /garbage appended/ },
  { name: 'event line broken in the middle of the file', edit: (l) => join(l.map((x, i) => (i === 3 ? x.slice(0, 40) : x))), seq: 3, message: /not valid JSON/ },
  { name: 'missing comma', edit: (l) => join(l.map((x, i) => (i === 2 ? x.replace(/,$/, '') : x))), seq: 2, message: /missing or extra comma/ },
];

describe('tamper detection', () => {
  for (const { name, edit, seq, message, unrecoverable } of cases) {
    it(`finds a ${name} at seq ${seq} and recovers seq 1..${seq - 1}`, async () => {
      const { path } = await storeWithEvents();
      const text = readFileSync(path, 'utf8');
      const damaged = edit(text.split('\n'), text);
      writeFileSync(path, damaged);

      const read = await readEvidence(path);
      expect(read.problem).toMatchObject({ seq, message: expect.stringMatching(message) });
      expect(read.problem?.hint).toContain(`cutover verify ${path}`);
      expect(read.events.map((e) => e.seq)).toEqual(Array.from({ length: seq - 1 }, (_, i) => i + 1));

      const error = await EvidenceStore.open(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CutoverError);
      expect((error as CutoverError).message).toMatch(new RegExp(`is damaged at seq ${seq}: `));
      expect((error as CutoverError).exitCode).toBe(1);
      expect((error as CutoverError).hint).toMatch(/nothing was changed/);
      expect(readFileSync(path, 'utf8')).toBe(damaged);

      if (unrecoverable) {
        await expect(writeRecoveredCopy(path)).rejects.toThrow(/header is damaged/);
        return;
      }
      const copy = await writeRecoveredCopy(path);
      expect(dirname(copy)).toBe(dirname(path));
      expect(basename(copy)).toMatch(new RegExp(`\\.recovered-${seq - 1}\\.json$`));
      expect(readFileSync(path, 'utf8')).toBe(damaged);
      const store = await EvidenceStore.open(copy);
      expect(store.events.slice(0, -1)).toEqual(read.events);
      // the copy says in its own chain what it came from and what it left behind
      expect(store.events.at(-1)).toMatchObject({
        seq,
        type: 'note.added',
        by: 'cutover',
        text: expect.stringMatching(new RegExp(`^recovered copy of ${basename(path).replace(/\./g, '\\.')} \\(sha256 [0-9a-f]{64}\\): it is damaged at seq ${seq} \\(.+\\): the ${seq - 1} intact events? before it (is|are) carried over, nothing from seq ${seq} on$`)),
      });
      await store.append({ type: 'session.resumed', pid: process.pid }, 'alice');
      await store.close();
      expect((await readEvidence(copy)).problem).toBeUndefined();
      expect(await writeRecoveredCopy(path)).toMatch(new RegExp(`\\.recovered-${seq - 1}-2\\.json$`));
    });
  }

  it('does not flag an intact file (the baseline the cases above edit)', async () => {
    const { path } = await storeWithEvents();
    const read = await readEvidence(path);
    expect(read.problem).toBeUndefined();
    expect(read.events).toHaveLength(6);
  });
});
