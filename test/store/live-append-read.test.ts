// A reader of a session that is being appended to faster than it can read (a busy writer on a
// loaded machine) lands mid-append at every try: that is a session being written, not damage.
import { appendFileSync, readFileSync, truncateSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/services/evidence-read.js';
import { sampleBodies, storeWithEvents } from './helpers.js';

/** Takes the closing bytes off and starts an event that only ever grows, as a torn read sees an append. */
function tearTail(path: string): void {
  const text = readFileSync(path, 'utf8');
  truncateSync(path, Buffer.byteLength(text) - ']}\n'.length - 1);
  appendFileSync(path, ',\n{"seq":99,"text":"');
}

describe('reading a session while it is being appended to', () => {
  it('reads the events before the append when every read lands mid-append', async () => {
    const { path } = await storeWithEvents();
    tearTail(path);
    const writer = setInterval(() => appendFileSync(path, 'x'), 1);
    try {
      const read = await readEvidence(path);
      expect(read.problem).toBeUndefined();
      expect(read.events.map((e) => e.seq)).toEqual(sampleBodies.map((_, i) => i + 1));
    } finally {
      clearInterval(writer);
    }
  });

  it('still calls the same torn tail damage once nothing is writing to it', async () => {
    const { path } = await storeWithEvents();
    tearTail(path);
    const read = await readEvidence(path);
    expect(read.problem).toMatchObject({ seq: sampleBodies.length + 1, message: expect.stringMatching(/incomplete/) });
    expect(read.events).toHaveLength(sampleBodies.length);
  });

  it('calls an edited last event damage even while the file keeps changing', async () => {
    const { path } = await storeWithEvents();
    const text = readFileSync(path, 'utf8');
    truncateSync(path, 0);
    appendFileSync(path, text.replace('"text":"replica lag 0s"', '"text":"replica lag 9s"'));
    const writer = setInterval(() => appendFileSync(path, ' '), 1);
    try {
      const read = await readEvidence(path);
      expect(read.problem?.seq).toBe(4);
    } finally {
      clearInterval(writer);
    }
  });
});
