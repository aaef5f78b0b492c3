// The bundled checklists carry everything their seed runbook says: concrete counts and commands
// per seed, plus rules every bundled runbook follows (header, ids, owners, expect, destructive).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ChecklistBase, type Checklist } from '../../src/domain/checklist-schema.js';
import { repoRoot, runCli } from '../helpers/cli.js';

const SEEDS = {
  cp8: 'cp8-rust-runtime-cutover.yaml',
  authority: 'runtime-authority-cutover.yaml',
  incident: 'rust-post-cutover-incident.yaml',
  step22: 'step22-production-cutover.yaml',
  codec: 'codec-mode-cutover.yaml',
} as const;

const text = (file: string) => readFileSync(join(repoRoot, 'checklists', file), 'utf8');
const load = (file: string): Checklist => ChecklistBase.parse(YAML.parse(text(file)));
const items = (c: Checklist) => c.sections.flatMap((s) => s.items);
const section = (c: Checklist, id: string) => {
  const found = c.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id} in ${c.id}`);
  return found;
};
const item = (c: Checklist, id: string) => {
  const found = items(c).find((it) => it.id === id);
  if (!found) throw new Error(`no item ${id} in ${c.id}`);
  return found;
};
const rule = (c: Checklist, id: string) => c.severity.rules.find((r) => r.id === id);
const runs = (c: Checklist) => items(c).flatMap((it) => (it.run ? [it.run] : []));
const criteriaCounts = (c: Checklist) => Object.fromEntries(c.severity.levels.map((l) => [l.id, l.criteria.length]));

describe.each(Object.values(SEEDS))('bundled %s', (file) => {
  const checklist = load(file);

  it('starts with the schema reference and names its seed', () => {
    const [first, second] = text(file).split('\n');
    expect(first).toBe('# yaml-language-server: $schema=./checklist.schema.json');
    expect(second).toMatch(/^# Source: .+ \(bundled from the seed runbook\)$/);
  });

  it('has unique lowercase-kebab item ids, declared owners and onFail levels', () => {
    const ids = items(checklist).map((it) => it.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
    const roles = new Set(checklist.roles.map((r) => r.id));
    expect(items(checklist).filter((it) => it.owner && !roles.has(it.owner)).map((it) => it.id)).toEqual([]);
    const levels = new Set(checklist.severity.levels.map((l) => l.id));
    expect(items(checklist).filter((it) => it.onFail && !levels.has(it.onFail)).map((it) => it.id)).toEqual([]);
  });

  it('gives every command an exit-code expectation and marks production mutations destructive', () => {
    const withRun = items(checklist).filter((it) => it.run);
    expect(withRun.filter((it) => it.expect?.exitCode === undefined).map((it) => it.id)).toEqual([]);
    const mutating = /systemctl restart|gcloud run services update|gh workflow run|canary-rollback\.sh$|git rm /;
    expect(withRun.filter((it) => mutating.test(it.run ?? '') && !it.destructive).map((it) => it.id)).toEqual([]);
  });

  it('is clean UTF-8 without mojibake', () => {
    expect(text(file)).not.toMatch(/â|Ã|ðŸ/);
  });
});

describe('seed 000: CP8 cutover', () => {
  const c = load(SEEDS.cp8);

  it('has preconditions as gates with the cargo gates for default and sqlite-state', () => {
    expect(section(c, 'preconditions').kind).toBe('gates');
    expect(section(c, 'preconditions').items).toHaveLength(6);
    expect(item(c, 'cargo-clippy').run).toContain('cargo clippy -- -D warnings');
    for (const id of ['cargo-test', 'cargo-clippy', 'cargo-release-build']) expect(item(c, id).run).toContain('--features sqlite-state');
  });

  it('soaks the canary for 24h and carries the soak criteria and metrics snapshot', () => {
    expect(item(c, 'canary-soak').watch).toEqual({ every: '5m', for: '24h', until: 'fail' });
    expect(item(c, 'soak-no-defender-regressions').title).toContain('`prompt_guard`, `command_guard`, `tool_loop`, `policy_bundle`');
    expect(section(c, 'canary').items.filter((it) => it.id.startsWith('canary-metrics-'))).toHaveLength(3);
  });

  it('blocks promotion on a failed stage check and rolls back on every critical condition', () => {
    expect(rule(c, 'block-promotion')).toMatchObject({ recommend: 'hold', when: { failedChecks: 1, section: 'staged' } });
    const manual = c.severity.rules.filter((r) => !r.when);
    expect(manual.map((r) => r.recommend)).toEqual(['rollback', 'rollback', 'rollback']);
    expect(criteriaCounts(c)).toEqual({ critical: 3 });
  });

  it('has the four rollback steps, post-cutover health and the forensic artifacts', () => {
    expect(section(c, 'rollback').items).toHaveLength(4);
    expect(section(c, 'post-cutover-health').items).toHaveLength(3);
    expect(section(c, 'forensics').items).toHaveLength(3);
  });
});

describe('seed 001: runtime authority cutover', () => {
  const c = load(SEEDS.authority);

  it('verifies DB role isolation with a secret db_url', () => {
    expect(c.variables.find((v) => v.name === 'db_url')?.secret).toBe(true);
    expect(item(c, 'db-role-isolation').run).toBe('DB_URL={{db_url}} apps/runtime/deploy/cloudrun/verify-db-role-isolation.sh');
    expect(item(c, 'shadow-parity-gate').expect?.matches).toBeDefined();
    expect(section(c, 'preconditions').items).toHaveLength(5);
  });

  it('cuts over and rolls back with the write-mode and freeze switches, all destructive in production', () => {
    const prod = [...section(c, 'cutover-controls').items, ...section(c, 'rollback').items].filter((it) => it.run);
    expect(prod.map((it) => it.run?.match(/--update-env-vars (\S+)/)?.[1])).toEqual([
      'RUNTIME_AUTHORITY_WRITE_MODE=rust_active',
      'LEGACY_RUNTIME_WRITE_FREEZE=true',
      'RUNTIME_AUTHORITY_WRITE_MODE=shadow_only',
      'LEGACY_RUNTIME_WRITE_FREEZE=false',
    ]);
    expect(prod.every((it) => it.destructive)).toBe(true);
    expect(section(c, 'rollback').items).toHaveLength(4);
  });

  it('has the staged plan, the verification checklist and the incident criteria', () => {
    expect(section(c, 'staged-cutover').items).toHaveLength(6);
    expect(section(c, 'verification').items).toHaveLength(4);
    expect(item(c, 'legacy-routes-frozen').expect?.contains).toEqual(['write_path_frozen', 'HTTP 410']);
    expect(criteriaCounts(c)).toEqual({ blocker: 3 });
    expect(rule(c, 'incident-criteria-rollback')?.when?.severity).toBe('blocker');
  });
});

describe('seed 002: post-cutover incident package', () => {
  const c = load(SEEDS.incident);

  it('has every role, with release owner, ops on-call and rollback owner required', () => {
    expect(c.roles.map((r) => r.title)).toEqual([
      'Release owner', 'Ops on-call', 'Runtime owner (Rust)', 'Runtime owner (Go rollback)', 'Parity reviewer',
    ]);
    expect(c.roles.filter((r) => r.required).map((r) => r.id)).toEqual(['release-owner', 'ops-oncall', 'rollback-owner']);
  });

  it('has every critical link', () => {
    expect(c.links).toHaveLength(14);
    const urls = c.links.map((l) => l.url);
    for (const doc of ['release-gate-checklist', 'fmail-gate', 'loop-tui-gate', 'loop-tui-checklist', 'daemon-proto-gate']) {
      expect(urls).toContain(`docs/rust-${doc}.md`);
    }
  });

  it('has the seven smoke items with the suggested commands', () => {
    const smoke = section(c, 'smoke').items;
    expect(smoke).toHaveLength(7);
    const commands = smoke.flatMap((it) => (it.run ? [it.run] : [])).join('\n');
    for (const command of ['forge --version', 'forge doctor', 'forge migrate status', 'forge ps', 'fmail send task "post-cutover smoke: ok"', 'fmail log task -n 20']) {
      expect(commands).toContain(command);
    }
    expect(item(c, 'smoke-fmail').expect?.contains).toBe('post-cutover smoke: ok');
  });

  it('has SEV0/1/2 with every criterion and the decision rules', () => {
    expect(criteriaCounts(c)).toEqual({ SEV0: 4, SEV1: 3, SEV2: 1 });
    expect(rule(c, 'any-sev0')).toMatchObject({ recommend: 'rollback', when: { severity: 'SEV0' } });
    expect(rule(c, 'any-sev0')?.unless).toMatch(/confidently isolated/);
    expect(rule(c, 'two-sev1-24h')).toMatchObject({
      recommend: 'consider-rollback',
      when: { severity: 'SEV1', atLeast: 2, within: '24h', includeResolved: true },
    });
    expect(rule(c, 'smoke-failure-incident')?.when).toMatchObject({ failedChecks: 1, section: 'smoke' });
  });

  it('has triage steps 1-5, five playbooks, rollback, post-rollback and roll-forward', () => {
    const steps = section(c, 'triage').items.map((it) => it.title.match(/^(\d)\./)?.[1]);
    expect([...new Set(steps)]).toEqual(['1', '2', '3', '4', '5']);
    expect(c.sections.filter((s) => s.kind === 'playbook')).toHaveLength(5);
    const rollback = section(c, 'rollback').items;
    expect(rollback.filter((it) => it.id.startsWith('rollback-pre-'))).toHaveLength(2);
    expect(rollback).toHaveLength(7);
    expect(item(c, 'rollback-verify-go-version').run).toContain('forge --version');
    expect(section(c, 'post-rollback').items).toHaveLength(2);
    expect(section(c, 'rollforward').requires).toMatchObject({ gatesPassed: true, noOpenIncidents: true });
    expect(section(c, 'rollforward').requires?.text).toHaveLength(3);
  });
});

describe('seed 003: Step 22 production cutover', () => {
  const c = load(SEEDS.step22);

  it('has gates G1-G5 owned by the six roles', () => {
    expect(c.roles.map((r) => r.id)).toEqual(['release-operator', 'qa-owner', 'release-manager', 'ops-lead', 'project-owner', 'oncall-ops']);
    const gates = section(c, 'gates').items;
    expect(gates.map((g) => g.title.slice(0, 2))).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
    expect(gates.map((g) => g.owner)).toEqual(['release-operator', 'qa-owner', 'release-manager', 'ops-lead', 'project-owner']);
    expect(item(c, 'g1-preflight').run).toBe('bash deploy/scripts/production-cutover-preflight.sh');
    expect(item(c, 'g2-command-gates').run).toBe('bun run build && bun test && bun run test');
    expect(rule(c, 'no-go')).toMatchObject({ recommend: 'hold', when: { failedChecks: 1, section: 'gates' } });
  });

  it('has the T-60..T+30 timeline', () => {
    const timeline = section(c, 'timeline');
    expect(timeline.kind).toBe('timeline');
    expect(timeline.items.map((it) => it.at)).toEqual(['T-60', 'T-30', 'T-10', 'T0', 'T+10', 'T+30']);
  });

  it('has the three rollback triggers and the rollback path with the exact workflow parameters', () => {
    expect(c.severity.rules.filter((r) => r.recommend === 'rollback')).toHaveLength(3);
    const dispatch = item(c, 'rollback-workflow-dispatch');
    for (const param of ['action=rollback', 'compose_file=deploy/docker-compose.yml', 'canary_remove_volumes=0']) {
      expect(dispatch.run).toContain(param);
    }
    expect(dispatch.destructive).toBe(true);
    expect(item(c, 'rollback-fallback-script')).toMatchObject({ run: 'bash deploy/scripts/canary-rollback.sh', destructive: true });
  });

  it('has the sign-off lines, the evidence package template and the links', () => {
    expect(section(c, 'signoff').items.map((it) => it.owner)).toEqual(['release-operator', 'qa-owner', 'ops-lead', 'release-manager', 'project-owner']);
    expect(c.evidenceTemplate).toHaveLength(11);
    expect(c.evidenceTemplate?.[0]).toBe('Cutover ticket ID');
    expect(c.links).toHaveLength(8);
  });
});

describe('seed 004: CODEC_MODE cutover', () => {
  const c = load(SEEDS.codec);

  it('walks the four CODEC_MODE phases with their commands', () => {
    const phases = c.sections.filter((s) => s.id.startsWith('phase-'));
    const modes = phases.map((s) => s.items[0]?.run);
    expect(modes).toEqual(['legacy_only', 'shadow', 'refactored_primary', 'refactored_only'].map((m) => `export CODEC_MODE=${m}`));
    const all = runs(c).join('\n');
    for (const command of [
      'python python/tools/parity_monitor.py --stats',
      'python python/tools/parity_monitor.py --check-rollback --threshold 0.001',
      'cargo test --test golden_tests',
      'pytest python/tests/test_parity_validator.py',
    ]) expect(all).toContain(command);
  });

  it('expects exactly 0 legacy hits from the grep | wc -l check', () => {
    const check = item(c, 'phase4-no-legacy-paths');
    expect(check.run).toBe('grep -r "legacy_fn" /var/log/coinjecture/ | wc -l');
    const pattern = new RegExp(check.expect?.matches ?? 'missing');
    expect(pattern.test('0\n')).toBe(true);
    expect(pattern.test('       0\n')).toBe(true);
    expect(pattern.test('3\n')).toBe(false);
    expect(pattern.test('10\n')).toBe(false);
  });

  it('has the six rollback triggers, P0/P1/P2 levels and their playbooks', () => {
    expect(c.severity.rules.filter((r) => !r.when && r.recommend === 'rollback')).toHaveLength(6);
    expect(Object.keys(criteriaCounts(c))).toEqual(['P0', 'P1', 'P2']);
    expect(['incident-p0', 'incident-p1', 'incident-p2'].map((id) => section(c, id).items.length)).toEqual([6, 5, 5]);
  });

  it('has preflight gates, rollback, post-rollback analysis, contacts, references and post-cutover tasks', () => {
    expect(section(c, 'preflight')).toMatchObject({ kind: 'gates' });
    expect(section(c, 'preflight').items).toHaveLength(9);
    expect(item(c, 'preflight-alerts').description).toContain('alert: HighFallbackRate');
    expect(item(c, 'rollback-manual')).toMatchObject({ destructive: true });
    expect(item(c, 'rollback-manual').run).toContain('systemctl restart coinjecture');
    expect(section(c, 'post-rollback-analysis').items).toHaveLength(6);
    expect(c.roles.map((r) => r.contact)).toEqual(['sre-oncall@example.com', '@Quigles1337', 'security@example.com', 'product@example.com']);
    expect(c.links).toHaveLength(5);
    expect(item(c, 'post-remove-legacy')).toMatchObject({ destructive: true });
    expect(section(c, 'post-cutover').items).toHaveLength(6);
  });
});

describe('cutover validate on the bundled seed checklists', () => {
  it('exits 0 with no warnings', () => {
    const files = Object.values(SEEDS).map((f) => `checklists/${f}`);
    const result = runCli(['validate', '--json', ...files]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { files: Array<{ file: string; warnings: unknown[] }> };
    expect(report.files).toHaveLength(5);
    expect(report.files.flatMap((f) => f.warnings)).toEqual([]);
  });
});
