// checklists/demo.yaml: valid, complete, and consistent with the scripts it drives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_VARIABLES } from '../../src/domain/checklist-schema.js';
import { PLACEHOLDER, demoYamlPath, findItem, loadDemo, render } from './demo-harness.js';

const checklist = loadDemo();
const items = checklist.sections.flatMap((s) => s.items.map((it) => ({ ...it, section: s.id })));
const commands = items.flatMap((it) => [it.run, it.drill?.inject].filter((c): c is string => c !== undefined));

describe('checklists/demo.yaml', () => {
  it('references the JSON Schema on its first line and parses with ChecklistBase', () => {
    expect(readFileSync(demoYamlPath, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./checklist.schema.json');
    expect(checklist.id).toBe('demo');
    expect(checklist.title).toMatch(/legacy → new/);
  });

  it('uses only builtin or declared {{placeholders}}', () => {
    const known = new Set<string>([...BUILTIN_VARIABLES, ...checklist.variables.map((v) => v.name)]);
    const used = commands.flatMap((c) => [...c.matchAll(PLACEHOLDER)].map((m) => m[1] as string));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
    // Every command renders with just the builtins the engine supplies.
    for (const c of commands) expect(render(c, { checklist_dir: '/x', session: 's' })).not.toMatch(/\{\{/);
  });

  it('has unique ids, declared owners and declared onFail levels', () => {
    const ids = items.map((it) => it.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sectionIds = checklist.sections.map((s) => s.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    const roles = new Set(checklist.roles.map((r) => r.id));
    expect(items.filter((it) => it.owner && !roles.has(it.owner)).map((it) => it.id)).toEqual([]);
    const levels = new Set(checklist.severity.levels.map((l) => l.id));
    expect(items.filter((it) => it.onFail && !levels.has(it.onFail)).map((it) => it.id)).toEqual([]);
  });

  it('gives every command item an expectation and a timeout', () => {
    const runItems = items.filter((it) => it.run);
    expect(runItems.length).toBeGreaterThan(10);
    expect(runItems.filter((it) => !it.expect || !it.timeout).map((it) => it.id)).toEqual([]);
  });

  it('has the sections in cutover order', () => {
    expect(checklist.sections.map((s) => `${s.id}:${s.kind}`)).toEqual([
      'gates:gates', 'timeline:timeline', 'cutover:steps', 'smoke:smoke', 'soak:smoke', 'triage:triage',
      'rollback:rollback', 'rollforward:rollforward', 'signoff:signoff', 'demo-controls:steps', 'cleanup:steps',
    ]);
    const timeline = checklist.sections.find((s) => s.kind === 'timeline');
    expect(timeline?.items.map((it) => it.at)).toEqual(['T-60', 'T-30', 'T-10', 'T0', 'T+10', 'T+30']);
    expect(timeline?.items.every((it) => !it.run)).toBe(true);
  });

  it('declares the roles and the severity model the drills rely on', () => {
    expect(checklist.roles.filter((r) => r.required).map((r) => r.id)).toEqual(['release-manager', 'ops-oncall']);
    expect(checklist.roles.map((r) => r.id)).toEqual(['release-manager', 'ops-oncall', 'runtime-owner', 'rollback-owner']);
    expect(checklist.severity.levels.map((l) => l.id)).toEqual(['SEV0', 'SEV1', 'SEV2']);
    const rules = Object.fromEntries(checklist.severity.rules.map((r) => [r.id, r]));
    expect(rules['any-sev0']).toMatchObject({ text: 'any SEV0 => rollback', recommend: 'rollback', when: { severity: 'SEV0' } });
    expect(rules['repeated-sev1']).toMatchObject({ recommend: 'consider-rollback', when: { severity: 'SEV1', atLeast: 2, within: '24h', includeResolved: true } });
    expect(rules['smoke-failed']).toMatchObject({ recommend: 'hold', when: { failedChecks: 1, section: ['smoke', 'soak'] } }); // the soak is a smoke check too
  });

  it('marks the fault switches, the soak, the destructive cleanup and the roll-forward requirements', () => {
    expect(findItem(checklist, 'smoke-roundtrip')).toMatchObject({ onFail: 'SEV0', drill: { inject: expect.stringContaining('inject-fault') } });
    expect(findItem(checklist, 'smoke-health').drill?.inject).toContain('--kind health');
    expect(findItem(checklist, 'soak-watch').watch).toEqual({ every: '2s', for: '10s' });
    expect(items.filter((it) => it.destructive).map((it) => it.id)).toEqual(['cleanup-stop']);
    const rollforward = checklist.sections.find((s) => s.kind === 'rollforward');
    expect(rollforward?.requires).toMatchObject({ gatesPassed: true, noOpenIncidents: true });
    expect(rollforward?.requires?.text.length).toBeGreaterThan(0);
  });
});
