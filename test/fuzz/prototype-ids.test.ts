// Ids are the checklist's (or, in a crafted file, anyone's): a section named `constructor` or a run
// id `toString` must find nothing in the session state, not Object's own members. A headless run of
// such a checklist was an internal error ("pass: expected number, received function").
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/domain/evidence-format.js';
import type { EvidenceEvent, EvidenceHeader } from '../../src/domain/events.js';
import { headerHash, sealEvent } from '../../src/domain/hash-chain.js';
import { runCli } from '../helpers/cli.js';
import { cleanScratch, scratch, type HeadlessJson } from '../headless/helpers.js';

afterAll(cleanScratch);
const checklist = fileURLToPath(new URL('../fixtures/fuzz/prototype-ids.yaml', import.meta.url));

function runJson(dir: string, args: string[] = []): { code: number; json?: HeadlessJson } {
  const result = runCli(['run', checklist, '--headless', '--json', '--evidence-dir', dir, ...args]);
  return { code: result.code, json: result.stdout ? (JSON.parse(result.stdout) as HeadlessJson) : undefined };
}

describe('ids that name members of Object', () => {
  it('run, report and compare drills of a checklist whose ids are constructor, toString, valueOf', () => {
    const dir = scratch();
    const live = runJson(dir);
    expect(live.code).toBe(0);
    expect(live.json?.items.map((i) => [i.item, i.result])).toEqual([
      ['toString', 'pass'],
      ['hasOwnProperty', 'pass'],
      ['isPrototypeOf', 'pass'],
    ]);
    const report = runCli(['report', live.json?.evidence as string]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('3 passed');
    for (let i = 0; i < 2; i++) expect(runJson(dir, ['--drill']).code).toBe(0);
    const drills = runCli(['drills', 'prototype-ids', '--evidence-dir', dir]);
    expect(drills.code).toBe(0);
    expect(drills.stdout).not.toMatch(/NaN|undefined|function/);
  });

  it('a crafted command.finished with run id toString is reported, not an internal error', () => {
    const dir = scratch();
    const path = runJson(dir).json?.evidence as string;
    const { header, events } = JSON.parse(readFileSync(path, 'utf8')) as { header: EvidenceHeader; events: EvidenceEvent[] };
    let prev = headerHash(header);
    const resealed = events.map((event) => {
      const { seq, ts, by, prev: _prev, hash: _hash, ...body } = event as EvidenceEvent & Record<string, unknown>;
      const edited = body.type === 'command.finished' ? { ...body, runId: 'toString' } : body;
      const sealed = sealEvent(seq, ts, by, edited as never, prev);
      prev = sealed.hash;
      return sealed;
    });
    writeFileSync(path, renderDocument(header, resealed));
    for (const command of [['report', path], ['verify', path]]) {
      const result = runCli(command);
      expect(`${result.stdout}${result.stderr}`).not.toContain('internal error');
      expect([0, 1]).toContain(result.code);
    }
  });
});
