// Each real runbook in ../shared/seeds (copied to test/fixtures/import/seeds, so that a clone
// anywhere can run this) imports into a checklist that validates and holds every role, smoke item,
// severity level, rule, rollback step and command of the seed. The expected numbers were counted
// by hand from the seed files; the comment on each says what they are.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { importFile, items, itemsOf, runs, sectionsOf, seedFile, seedsDir, type Imported } from './helpers.js';

const shared = join(repoRoot, '..', 'shared', 'seeds');

it.runIf(existsSync(shared))('the copies of the seeds are the seeds', () => {
  const names = readdirSync(shared).filter((f) => f.endsWith('.txt')).sort();
  expect(readdirSync(seedsDir).sort()).toEqual(names);
  for (const name of names) expect(readFileSync(join(seedsDir, name), 'utf8'), name).toBe(readFileSync(join(shared, name), 'utf8'));
});

const seed = (prefix: string): Imported => importFile(seedFile(prefix));

describe('seed 000: CP8 canary / staged / full cutover', () => {
  const { checklist: c } = seed('000_');

  it('maps each heading to a section of the right kind', () => {
    expect(c.title).toBe('CP8 Cutover Runbook');
    expect(c.version).toBe('2026-02-19'); // "Date: 2026-02-19" when there is no version
    expect(c.sections.map((s) => [s.title, s.kind])).toEqual([
      ['Preconditions', 'gates'], ['Canary', 'steps'], ['Staged', 'steps'], ['Full Cutover', 'steps'], ['Rollback', 'rollback'],
    ]);
  });

  it('keeps every bullet as an item and the rollback steps in order', () => {
    // 4 preconditions + 4 canary + 3 staged + 4 full cutover + (4 numbered rollback steps + forensic artifacts)
    expect(items(c)).toHaveLength(20);
    expect(itemsOf(c, 'gates')).toHaveLength(4);
    expect(itemsOf(c, 'rollback').map((i) => i.title)).toEqual([
      'Repoint traffic to the previous known-good runtime release.',
      'Restore previous policy bundle and runtime config snapshot.',
      'Confirm gateway health and channel delivery recovery.',
      'Open incident record with parity artifact links and mitigation status.',
      expect.stringMatching(/^Keep forensic artifacts/),
    ]);
    // sub-bullets of "Run canary soak for at least 24 hours:" are details of that step
    expect(items(c).find((i) => i.title.startsWith('Run canary soak'))?.description).toContain('No crash-looping process restarts.');
  });

  it('turns "Block promotion if" and "Trigger rollback if" lists into manual rules', () => {
    // 3 "Block promotion if any stage shows" (hold) + 3 "Trigger rollback immediately if" (rollback)
    const rules = c.severity.rules;
    expect(rules).toHaveLength(6);
    expect(rules.filter((r) => r.recommend === 'hold')).toHaveLength(3);
    expect(rules.filter((r) => r.recommend === 'rollback')).toHaveLength(3);
    expect(rules.every((r) => r.when === undefined)).toBe(true);
    expect(c.severity.levels).toHaveLength(0);
    expect(c.roles).toHaveLength(0);
  });

  it('takes the commands from inline code, not the identifiers', () => {
    // `cargo test`, `clippy -D warnings` (one precondition); `sqlite-state`, `prompt_guard`, `p50`... are not commands
    expect(runs(c)).toEqual(['cargo test\nclippy -D warnings']);
  });
});

describe('seed 001: authority cutover with write-freeze flags', () => {
  const { checklist: c } = seed('001_');

  it('has the sections, smoke and rollback steps', () => {
    expect(c.sections.map((s) => s.kind)).toEqual(['gates', 'steps', 'steps', 'smoke', 'rollback', 'triage']);
    // 4 preconditions + 3 controls + 4 staged plan + 4 verification + 4 rollback
    expect(items(c)).toHaveLength(19);
    expect(itemsOf(c, 'smoke')).toHaveLength(4);
    expect(itemsOf(c, 'rollback').map((i) => i.title)).toEqual([
      'Switch Rust runtime to freeze mode', 'Disable legacy freeze', 'Route writes back to legacy authority path.',
      'Collect parity report and incident timeline artifacts before retry.',
    ]);
    expect(itemsOf(c, 'rollback')[0]?.description).toContain('RUNTIME_AUTHORITY_WRITE_MODE=shadow_only');
  });

  it('turns the DB isolation check into a command with a variable for <postgres-url>', () => {
    expect(runs(c)).toEqual(['DB_URL={{postgres_url}} apps/runtime/deploy/cloudrun/verify-db-role-isolation.sh']);
    expect(c.variables.map((v) => v.name)).toEqual(['postgres_url']);
  });

  it('makes the incident criteria (blockers) manual rules', () => {
    // "Critical shadow parity diffs", "Sustained write-path error spike", "Unbounded drift or checkpoint regression"
    expect(c.severity.rules.map((r) => [r.text, r.recommend, r.when])).toEqual([
      ['Critical shadow parity diffs.', 'hold', undefined],
      ['Sustained write-path error spike.', 'hold', undefined],
      ['Unbounded drift or checkpoint regression.', 'hold', undefined],
    ]);
  });
});

describe('seed 002: post-cutover incident package', () => {
  const { checklist: c } = seed('002_');

  it('reads the roles table, leaving the _TBD_ cells to fill in', () => {
    expect(c.roles.map((r) => r.title)).toEqual(['Release owner', 'Ops on-call', 'Runtime owner (Rust)', 'Runtime owner (Go rollback)', 'Parity reviewer']);
    expect(c.roles.every((r) => r.required && r.name === undefined && r.contact === undefined && r.backup === undefined)).toBe(true);
  });

  it('keeps the critical links, placeholders included', () => {
    // 7 entries with 8 doc paths (the Loop TUI entry has two) + 3 external _TBD_ links
    expect(c.links).toHaveLength(11);
    expect(c.links.filter((l) => l.url === 'TBD').map((l) => l.title)).toEqual([
      'External / CI run (cutover SHA)', 'External / Nightly parity run (latest)', 'External / Monitoring dashboard(s)',
    ]);
  });

  it('has the smoke table rows and the suggested commands as smoke items', () => {
    // 7 table rows + the "Suggested local commands" block, whose "# quick functional smoke" part is a step of its own
    const smoke = itemsOf(c, 'smoke');
    expect(smoke).toHaveLength(9);
    expect(smoke.slice(0, 7).every((i) => i.evidence)).toBe(true);
    expect(smoke[1]?.run).toBe('forge doctor');
    expect(smoke[7]?.run).toBe('forge --version\nforge doctor\nforge migrate status');
    expect(smoke[8]).toMatchObject({ title: 'quick functional smoke (examples; adjust to actual CLI)', run: expect.stringMatching(/^forge ps\n/) });
  });

  it('has SEV0/1/2 with criteria and the two rules with conditions', () => {
    expect(c.severity.levels.map((l) => [l.id, l.criteria.length])).toEqual([['SEV0', 4], ['SEV1', 3], ['SEV2', 1]]);
    expect(c.severity.rules.map((r) => ({ when: r.when, recommend: r.recommend, unless: r.unless }))).toEqual([
      { when: { severity: 'SEV0', atLeast: 1, includeResolved: false }, recommend: 'rollback', unless: 'root cause is confidently isolated and mitigation verified quickly' },
      { when: { severity: 'SEV1', atLeast: 2, within: '24h', includeResolved: false }, recommend: 'consider-rollback', unless: undefined },
    ]);
  });

  it('has triage steps, five playbooks, the rollback table and roll-forward requirements', () => {
    expect(itemsOf(c, 'triage')).toHaveLength(5);
    // Parity regression 3, Migration/db 3, Loop runtime stuck 3, Daemon/runner 3, fmail 2
    expect(sectionsOf(c, 'playbook').map((s) => s.items.length)).toEqual([3, 3, 3, 3, 2]);
    // 2 preconditions + the 5 steps of the table + 2 post-rollback
    const rollback = itemsOf(c, 'rollback');
    expect(rollback).toHaveLength(9);
    expect(rollback.slice(2, 7).map((i) => i.title)).toEqual([
      'Freeze deploys and announce rollback intent', 'Switch primary artifact/entrypoint to Go', 'Verify `forge --version` shows Go build',
      'Run smoke checklist again', 'Document incident timeline + root cause hypothesis',
    ]);
    expect(sectionsOf(c, 'rollforward')[0]?.requires?.text).toHaveLength(3);
  });

  it('has every command', () => {
    // forge doctor (table), the smoke block (two parts), forge --version (triage), forge migrate status/version, forge --version (rollback)
    expect(runs(c)).toHaveLength(6);
    expect(runs(c)).toContain('forge migrate status\nforge migrate version');
  });
});

describe('seed 003: go/no-go gated cutover with timeline and sign-off', () => {
  const { checklist: c } = seed('003_');

  it('reads the gates table by its headers', () => {
    const gates = itemsOf(c, 'gates');
    expect(gates.map((g) => g.id)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
    expect(gates[0]).toMatchObject({ run: 'bash deploy/scripts/production-cutover-preflight.sh', expect: { exitCode: 0 }, owner: 'release-operator' });
    expect(gates[1]?.run).toBe('bun run build && bun test && bun run test');
    expect(gates[2]?.run).toBeUndefined(); // file paths, not commands
  });

  it('adds every <owner> as a role', () => {
    expect(c.roles.map((r) => r.id).sort()).toEqual(['oncall-ops', 'ops-lead', 'project-owner', 'qa-owner', 'release-manager', 'release-operator']);
  });

  it('keeps the timeline offsets and the sign-offs', () => {
    expect(itemsOf(c, 'timeline').map((i) => i.at)).toEqual(['T-60', 'T-30', 'T-10', 'T0', 'T+10', 'T+30']);
    expect(itemsOf(c, 'signoff').map((i) => i.owner)).toEqual(['release-operator', 'qa-owner', 'ops-lead', 'release-manager', 'project-owner']);
  });

  it('has the rollback triggers, the no-go rule and the rollback path', () => {
    // 3 "Trigger rollback immediately if" + "No-Go policy: any single gate failure blocks T0"
    expect(c.severity.rules).toHaveLength(4);
    const noGo = c.severity.rules.find((r) => r.text.startsWith('No-Go policy'));
    expect(noGo).toMatchObject({ recommend: 'hold', when: { failedChecks: 1, section: sectionsOf(c, 'gates')[0]?.id } });
    expect(itemsOf(c, 'rollback')).toHaveLength(3);
    // commands: G1, G2, and the fallback script the text says to execute
    expect(runs(c)).toEqual(['bash deploy/scripts/production-cutover-preflight.sh', 'bun run build && bun test && bun run test', 'deploy/scripts/canary-rollback.sh']);
  });

  it('maps the evidence package template', () => {
    expect(c.evidenceTemplate).toHaveLength(11);
    expect(c.evidenceTemplate?.[0]).toBe('Cutover ticket ID');
  });
});

describe('seed 004: feature-flag cutover (mojibake, bold metadata)', () => {
  const { checklist: c, summary } = seed('004_');

  it('reads the bold metadata and repairs the mojibake', () => {
    expect(c.title).toBe('Cutover Runbook: Legacy → Refactored Migration');
    expect(c.version).toBe('4.0.0');
    expect(c.owner).toBe('@Quigles1337');
    expect(summary.notices.join('\n')).toMatch(/repaired \d+ mis-encoded/);
  });

  it('has the contacts as roles, the references as links', () => {
    expect(c.roles.map((r) => [r.title, r.contact])).toEqual([
      ['On-Call SRE', 'sre-oncall@example.com'], ['Incident Commander', '@Quigles1337'],
      ['Security Team', 'security@example.com'], ['Product Owner', 'product@example.com'],
    ]);
    expect(c.links).toHaveLength(5);
  });

  it('has P0/P1/P2 and the six rollback triggers as manual rules', () => {
    expect(c.severity.levels.map((l) => l.id)).toEqual(['P0', 'P1', 'P2']);
    // Phase 2: drift rate, consensus-critical drift, performance; Phase 3: fallback rate, data corruption, SLO
    expect(c.severity.rules).toHaveLength(6);
    expect(c.severity.rules[0]?.text).toContain('Drift rate > 0.1% for 1 hour');
    expect(c.severity.rules.every((r) => r.when === undefined && r.recommend === 'rollback')).toBe(true);
    // the P0/P1/P2 headings are playbooks: 6, 5 and 5 steps
    expect(sectionsOf(c, 'playbook').map((s) => s.items.length)).toEqual([6, 5, 5]);
  });

  it('titles sub-sections of a heading without content of its own "Parent / Child"', () => {
    expect(sectionsOf(c, 'rollback').map((s) => s.title)).toEqual([
      'Rollback Procedures / Automatic Rollback', 'Rollback Procedures / Manual Rollback', 'Rollback Procedures / Post-Rollback Analysis',
    ]);
    expect(c.sections.map((s) => s.title)).not.toContain('Rollback Procedures');
  });

  it('has the rollback procedures, the pre-flight checklist and every command', () => {
    // Automatic (a crontab line: kept as description) + Manual + 6 post-rollback steps
    expect(itemsOf(c, 'rollback')).toHaveLength(8);
    expect(itemsOf(c, 'gates')).toHaveLength(9);
    // 4 `export CODEC_MODE=…` blocks, 2 monitoring blocks (3 and 2 commented parts), validation and
    // manual rollback (one script each: a `cd`, an `export`), `git rm`
    const commands = runs(c);
    expect(commands).toHaveLength(12);
    expect(commands.join('\n')).toContain('systemctl restart coinjecture');
    expect(commands).toContain('git rm python/src/legacy/');
    expect(items(c)).toHaveLength(83);
    expect(itemsOf(c, 'smoke')).toHaveLength(3); // "Grafana Dashboard: Cutover Health" panels
  });

  it('keeps the alert YAML with {{ $labels }} as description, never as a command', () => {
    expect(runs(c).some((r) => r.includes('{{'))).toBe(false);
    expect(items(c).find((i) => i.title === 'Critical: Parity Drift Detected')?.description).toContain('{{ $labels.function }}');
    expect(summary.keptAsDescription.some((k) => k.startsWith('yaml block'))).toBe(true);
  });
});
