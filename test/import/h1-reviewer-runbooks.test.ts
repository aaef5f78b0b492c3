// Runbook shapes an outside reviewer wrote: a wiki page exported as one HTML block, severity lists
// with an action after an arrow (and a colour emoji before the level), a roles table right under
// the title, "Who" and non-English severity headings, an HTTP restore call.
import { describe, expect, it } from 'vitest';
import { importText } from './helpers.js';

const steps = '\n\n## Steps\n\n1. `echo a`\n';

describe('a wiki page exported as one HTML block', () => {
  const html = [
    '<h1>Vault upgrade</h1>',
    '<p>Exported from the ops wiki.</p>',
    '<table>',
    '<tr><th>Step</th><th>Command</th></tr>',
    '<tr><td>Take raft snapshot</td><td><code>vault operator raft snapshot save /tmp/vault.snap</code></td></tr>',
    '</table>',
    '<h2>Rollback</h2>',
    '<p>Restore: <code>vault operator raft snapshot restore -force /tmp/vault.snap</code></p>',
  ].join('\n');

  it('keeps what is around the table as written, and says so', () => {
    const { checklist, summary } = importText(html);
    expect(checklist.sections[0]?.items.map((i) => i.run)).toEqual(['vault operator raft snapshot save /tmp/vault.snap']);
    expect(checklist.sections[0]?.description).toContain('vault operator raft snapshot restore -force /tmp/vault.snap');
    expect(checklist.sections[0]?.description).not.toContain('<table>');
    expect(summary.keptAsDescription).toEqual([expect.stringContaining('HTML block')]);
  });
});

describe('severity written as "level — criteria → action"', () => {
  it('makes each entry a level with its criteria and a rule on that level, colour emoji or not', () => {
    const { checklist } = importText(`# R\n\n## Severity\n\n- 🔴 **SEV1** — hit ratio < 50% → rollback\n- 🟠 SEV2: hit ratio 50–80% → hold${steps}`);
    expect(checklist.severity.levels.map((l) => [l.id, l.criteria])).toEqual([['SEV1', ['hit ratio < 50%']], ['SEV2', ['hit ratio 50–80%']]]);
    expect(checklist.severity.rules.map((r) => [r.when?.severity, r.recommend])).toEqual([['SEV1', 'rollback'], ['SEV2', 'hold']]);
  });

  it('reads "SEV0 => rollback" without a count as any one SEV0, in a list or a sentence', () => {
    const list = importText(`# R\n\n## Rollback criteria\n\n- SEV0 => rollback\n- P1 -> consider rollback${steps}`).checklist;
    expect(list.severity.rules.map((r) => [r.when?.severity, r.when?.atLeast, r.recommend])).toEqual([['SEV0', 1, 'rollback'], ['P1', 1, 'consider-rollback']]);
    const sentence = importText(`# R${steps}\nSEV0 => rollback. P1 or P2 incident -> hold.\n`).checklist;
    expect(sentence.severity.rules.map((r) => [r.when?.severity, r.recommend])).toEqual([['SEV0', 'rollback'], [['P1', 'P2'], 'hold']]);
  });

  it('keeps a level word without its count a judgement: "High latency => hold" is no level', () => {
    const { checklist } = importText(`# R${steps}\nHigh latency => hold.\n`);
    expect(checklist.severity.rules.map((r) => [r.text, r.when])).toEqual([['High latency => hold.', undefined]]);
  });

  it('makes a sentence with an arrow and a recommendation a rule, beside a parsed one in the same paragraph', () => {
    const { checklist } = importText(`# R${steps}\nAny red cluster health => rollback. 2+ SEV2 within 1h => consider rollback.\n`);
    expect(checklist.severity.rules.map((r) => [r.text, r.recommend, r.when?.severity])).toEqual([
      ['Any red cluster health => rollback.', 'rollback', undefined],
      ['2+ SEV2 within 1h => consider rollback.', 'consider-rollback', 'SEV2'],
    ]);
  });
});

describe('headings and tables that name roles and severity', () => {
  it('reads a roles table under the title, before any section, with its people', () => {
    const { checklist } = importText('# Cutover\n\n| Role | Person | Backup |\n|---|---|---|\n| DBA | Chen Wei | Omar |\n| Comms | Lee | |\n\n## Steps\n\n| # | Step | Command | Owner |\n|---|---|---|---|\n| 1 | Stop writes | `echo ro` | DBA |\n');
    expect(checklist.roles.map((r) => [r.id, r.name, r.backup])).toEqual([['dba', 'Chen Wei', 'Omar'], ['comms', 'Lee', undefined]]);
    expect(checklist.description).toBe('Roles imported: DBA, Comms.');
    expect(checklist.sections[0]?.items[0]?.owner).toBe('dba');
  });

  it('reads a "👥 Who" list as roles and a German severity heading as triage', () => {
    const { checklist } = importText(`# R\n\n## 👥 Who\n\n- **Driver:** @maria\n- **Approver:** @tom\n\n## Schweregrade\n\n- SEV0: Datenverlust → Rollback sofort${steps}`);
    expect(checklist.roles.map((r) => [r.title, r.contact])).toEqual([['Driver', '@maria'], ['Approver', '@tom']]);
    expect(checklist.sections.find((s) => s.title === 'Schweregrade')?.kind).toBe('triage');
    expect(checklist.severity.rules[0]?.when?.severity).toBe('SEV0');
  });

  it('makes "If it goes wrong" a rollback section, and an HTTP restore call destructive', () => {
    const { checklist } = importText('# R\n\n## Upgrade\n\n1. `echo up`\n\n## If it goes wrong\n\n1. Restore: `curl -X POST localhost:9200/_snapshot/nightly/snap-1/_restore`\n2. Status: `curl -s localhost:9200/_snapshot/nightly/snap-1/_restore`\n');
    const rollback = checklist.sections[1];
    expect(rollback?.kind).toBe('rollback');
    expect(rollback?.items.map((i) => i.destructive)).toEqual([true, false]);
  });
});

describe('a step that names its command and what it prints', () => {
  it('checks the output for it: "`cmd` returns PONG", "`cmd` → `ok`"; not for a bare number or another command', () => {
    const { checklist } = importText('# R\n\n## Smoke tests\n\n- `redis-cli -p 6380 PING` returns PONG\n- `curl -fsS http://api/healthz` → `ok`\n- `wc -l < /etc/hosts` returns 3\n- Run `echo a` and check `echo b` prints b\n');
    expect(checklist.sections[0]?.items.map((i) => i.expect?.contains)).toEqual(['PONG', 'ok', undefined, undefined]);
  });
});

describe('a step table with a Phase column', () => {
  const table = [
    '# DC exit', '',
    '| Phase | Task | Command | Rollback |', '|---|---|---|---|',
    '| Prep | Freeze deploys | `echo freeze` | `echo unfreeze` |',
    '| Cutover | Stop on-prem app | `echo stop` | |',
    '| Verify | Health check | `curl -fsS http://app/health` | |',
    '| Rollback | Start on-prem app again | `echo start onprem` | |',
  ].join('\n');

  it('moves the verify and rollback rows to their own sections after the table, so the steps never run them', () => {
    const { checklist } = importText(table);
    expect(checklist.sections.map((s) => [s.kind, s.items.map((i) => i.title)])).toEqual([
      ['steps', ['Freeze deploys', 'Stop on-prem app']],
      ['smoke', ['Health check']],
      ['rollback', ['Start on-prem app again']],
      ['rollback', ['Undo: Freeze deploys']],
    ]);
    expect(checklist.sections[1]?.title).toBe('DC exit: Verify');
  });
});

describe('bold numbered phases as headings', () => {
  it('makes every "**Phase N — …**" a section, so a later phase is not part of the pre-flight gates', () => {
    const text = 'EKS upgrade\n\n**Phase 1 — Pre-flight**\n\n1. `kubectl get nodes`\n\n**Phase 2 — Upgrade control plane**\n\n2. `aws eks update-cluster-version --name prod`\n\n**Phase 3 — Verification**\n\n3. `kubectl get nodes`\n';
    const { checklist } = importText(text);
    expect(checklist.sections.map((s) => [s.title, s.kind, s.items.length])).toEqual([
      ['Phase 1 — Pre-flight', 'gates', 1],
      ['Phase 2 — Upgrade control plane', 'steps', 1],
      ['Phase 3 — Verification', 'smoke', 1],
    ]);
  });

  it('does so under a title heading too', () => {
    const { checklist } = importText('# EKS upgrade\n\n**Phase 1 — Checks**\n\n1. `kubectl get nodes`\n\n**Phase 2 — Upgrade**\n\n2. `aws eks update-cluster-version --name prod`\n');
    expect(checklist.sections.map((s) => s.title)).toEqual(['Phase 1 — Checks', 'Phase 2 — Upgrade']);
  });
});

describe('a severity table under headers in another language', () => {
  it('finds the level column by its codes and the action in the last column', () => {
    const { checklist } = importText('# R\n\n## 重大度\n\n| レベル | 基準 | 対応 |\n|---|---|---|\n| SEV1 | 決済失敗率 > 1% | 即時切り戻し (rollback) |\n| SEV2 | レイテンシ悪化 | 修正して継続 (fix forward) |\n');
    expect(checklist.severity.levels.map((l) => l.id)).toEqual(['SEV1', 'SEV2']);
    expect(checklist.severity.rules.map((r) => [r.when?.severity, r.recommend])).toEqual([['SEV1', 'rollback'], ['SEV2', 'fix-forward']]);
  });

  it('leaves a step table with a column of levels a step table', () => {
    const { checklist } = importText('# R\n\n## Checks\n\n| Check | Command | Wenn rot |\n|---|---|---|\n| Health | `curl -f http://a/health` | SEV1 |\n');
    expect(checklist.sections[0]?.items.map((i) => i.run)).toEqual(['curl -f http://a/health']);
    expect(checklist.severity.levels).toEqual([]);
  });
});
