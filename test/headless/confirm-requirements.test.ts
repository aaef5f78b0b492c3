// A roll-forward's `requires.text` are judgements an unattended run cannot make: the section stays
// locked unless the run was started with --confirm-requirements, which the evidence records.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, readEvents, runJson, scratch } from './helpers.js';

afterAll(cleanScratch);

describe('headless roll-forward requirements to confirm', () => {
  it('locks the section without --confirm-requirements, and says which flag unlocks it', () => {
    const { code, json } = runJson('confirm.yaml', scratch());
    expect(code).toBe(1);
    expect(json?.items.map((i) => [i.item, i.result])).toEqual([
      ['g1', 'pass'],
      ['go', 'locked'],
    ]);
    expect(json?.items[1]?.note).toBe('2 requirements to confirm: pass --confirm-requirements to confirm them for this unattended run');
    const events = readEvents(json?.evidence as string);
    expect(events.some((e) => e.type === 'command.started' && e.item === 'go')).toBe(false);
    expect(events.some((e) => e.type === 'requirements.confirmed')).toBe(false);
    expect(events.find((e) => e.type === 'item.marked' && e.item === 'go')).toMatchObject({ note: 'section locked: not confirmed: The root cause is fixed; Action items are accepted' });
    expect(runCli(['report', json?.evidence as string]).stdout).toContain('| Roll forward | The root cause is fixed | **not confirmed** |  |');
  });

  it('with --confirm-requirements records them as confirmed by the unattended run, then runs the section', () => {
    const { code, json } = runJson('confirm.yaml', scratch(), ['--confirm-requirements']);
    expect(code).toBe(0);
    expect(json?.items.map((i) => [i.item, i.result])).toEqual([
      ['g1', 'pass'],
      ['go', 'pass'],
    ]);
    const events = readEvents(json?.evidence as string);
    const confirmed = events.findIndex((e) => e.type === 'requirements.confirmed');
    expect(events[confirmed]).toMatchObject({ section: 'forward', texts: ['The root cause is fixed', 'Action items are accepted'], unattended: true });
    expect(confirmed).toBeLessThan(events.findIndex((e) => e.type === 'command.started' && e.item === 'go'));
    const report = runCli(['report', json?.evidence as string]).stdout;
    expect(report).toMatch(/\| Roll forward \| Action items are accepted \| \S+ \(unattended run, --confirm-requirements\) \| \+?\d/);
    expect(runCli(['verify', json?.evidence as string]).code).toBe(0);
  });

  it('a drill whose roll-forward stayed locked FAILED: it was not rehearsed', () => {
    const locked = runJson('confirm.yaml', scratch(), ['--drill']);
    expect(locked.code).toBe(1);
    expect(locked.json?.drill).toMatchObject({ result: 'failed', findings: expect.arrayContaining([expect.stringMatching(/^locked, not rehearsed .*: forward\/go$/)]) });
    const confirmed = runJson('confirm.yaml', scratch(), ['--drill', '--confirm-requirements']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.json?.drill).toMatchObject({ result: 'passed' });
  });
});
