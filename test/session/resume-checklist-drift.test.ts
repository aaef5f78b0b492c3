// A resume runs the checklist snapshotted at the start. When the file it came from was edited or
// removed since, the evidence says so (the operator may expect the edit to apply; commands that use
// files beside it may not find them); an unchanged file adds nothing.
import { copyFileSync, existsSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/services/evidence-store.js';
import { CutoverSession } from '../../src/services/session.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

const fixture = join(repoRoot, 'test/fixtures/session/basic.yaml');
const open: CutoverSession[] = [];

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function startedFrom(checklistPath: string): Promise<string> {
  const session = await CutoverSession.start({ checklistPath, evidenceDir: tempDir(), ticket: 'CHG-44', environment: 'staging', operator: 'ada', mode: 'live', variables: {} });
  await session.close();
  return session.evidencePath;
}

async function notesAfterResume(path: string): Promise<string[]> {
  const resumed = await CutoverSession.resume(path);
  open.push(resumed);
  await resumed.close();
  const { events } = await readEvidence(path);
  return events.filter((e) => e.type === 'note.added').map((e) => (e as { text: string }).text);
}

describe('resume when the checklist file changed since the session started', () => {
  it('records that an edited file does not apply, and runs the snapshot', async () => {
    const copy = join(tempDir(), 'basic.yaml');
    copyFileSync(fixture, copy);
    const path = await startedFrom(copy);
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('echo preflight ok', 'echo edited since'));
    const notes = await notesAfterResume(path);
    expect(notes).toEqual([expect.stringMatching(new RegExp(`resumed with the checklist as it was at the start \\(.*\\.checklist\\.yaml\\); ${copy} has changed since the session started \\(sha256 [0-9a-f]{12}…, was [0-9a-f]{12}…\\): its changes do not apply`))]);
    const again = await CutoverSession.resume(path);
    open.push(again);
    expect((await again.runItem('gates', 'g1')).command).toBe('echo preflight ok');
    expect(again.state.notes).toHaveLength(1); // said once, not again at every resume
  });

  it('records that a removed file is gone', async () => {
    const copy = join(tempDir(), 'basic.yaml');
    copyFileSync(fixture, copy);
    const path = await startedFrom(copy);
    rmSync(copy);
    expect(await notesAfterResume(path)).toEqual([expect.stringContaining(`${copy} is gone (or unreadable) since the session started`)]);
  });

  it('records nothing when the file is unchanged', async () => {
    const path = await startedFrom(fixture);
    expect(await notesAfterResume(path)).toEqual([]);
  });
});

describe('resume when the checklist snapshot beside the evidence is missing', () => {
  async function withoutSnapshot(): Promise<{ path: string; copy: string; snapshot: string }> {
    const copy = join(tempDir(), 'basic.yaml');
    copyFileSync(fixture, copy);
    const path = await startedFrom(copy);
    const snapshot = path.replace(/\.json$/, '.checklist.yaml');
    rmSync(snapshot);
    return { path, copy, snapshot };
  }

  it('names the unchanged original and how to put it back; resuming then works', async () => {
    const { path, copy, snapshot } = await withoutSnapshot();
    await expect(CutoverSession.resume(path)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining('is missing'),
      hint: `${copy} is the checklist this session started from, unchanged (same sha256): copy it back with cp '${copy}' '${snapshot}' to resume`,
    });
    expect(existsSync(`${path}.lock`)).toBe(false);
    copyFileSync(copy, snapshot);
    const resumed = await CutoverSession.resume(path);
    open.push(resumed);
    expect(resumed.checklist.id).toBe('basic');
  });

  it('offers no stand-in when the original changed too', async () => {
    const { path, copy } = await withoutSnapshot();
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('echo preflight ok', 'echo edited since'));
    await expect(CutoverSession.resume(path)).rejects.toMatchObject({ hint: 'the evidence can still be verified and reported, but not resumed' });
  });
});
