// Owner and time annotations written beside a step's title ("(owner: DBA, ~5 min)", "— @oncall,
// T+10", "**Owner:** SRE" under it) become `owner`, `timeout` and `at`; what cannot be mapped stays.
import { describe, expect, it } from 'vitest';
import { importText, items } from './helpers.js';

const ROLES = `## Roles

| Role | Name | Contact |
| --- | --- | --- |
| Database Administrator (DBA) | Tomás Ortega | @tomas |
| SRE on-call | Ana Silva | #sre |
`;

function imported(steps: string, roles = ROLES) {
  const { checklist } = importText(`# Failover\n\n${roles}\n## Cutover\n\n${steps}\n`);
  const byTitle = (title: string) => items(checklist).find((i) => i.title === title);
  return { checklist, byTitle };
}

describe('step annotations', () => {
  it('maps "(owner: DBA, ~5 min)" to the declared role; a manual step keeps its time in the description (a timeout needs a command)', () => {
    const { byTitle } = imported('1. Drain the primary (owner: DBA, ~5 min)\n2. Promote the replica');
    expect(byTitle('Drain the primary')).toMatchObject({ owner: 'database-administrator-dba', description: 'Estimated time: ~5 min' });
    expect(byTitle('Drain the primary')?.timeout).toBeUndefined();
  });

  it('maps "— @oncall, T+10" on a task list entry: the handle becomes a role (so the checklist validates) and the offset `at`', () => {
    const { checklist, byTitle } = imported('- [ ] Flip DNS — @oncall, T+10\n- [ ] Announce');
    expect(byTitle('Flip DNS')).toMatchObject({ owner: 'oncall', at: 'T+10' });
    expect(checklist.roles.find((r) => r.id === 'oncall')).toMatchObject({ name: '@oncall', required: false });
  });

  it('reads an "**Owner:**" line under a step (same paragraph) and a bracketed time', () => {
    const { byTitle } = imported('1. Snapshot the volume [20 min]\n   **Owner:** SRE on-call\n2. Next');
    expect(byTitle('Snapshot the volume')).toMatchObject({ owner: 'sre-on-call', description: 'Estimated time: 20 min' });
  });

  it('reads "**Owner:**" as a paragraph of its own under a step, and "- Owner:" / "- ETA:" detail bullets', () => {
    const { byTitle } = imported('1. Rotate the keys\n\n   **Owner:** SRE on-call\n\n2. Purge the CDN\n   - Owner: DBA\n   - ETA: 15 min\n   - Purge both zones');
    expect(byTitle('Rotate the keys')).toMatchObject({ owner: 'sre-on-call' });
    expect(byTitle('Rotate the keys')?.description).toBeUndefined();
    expect(byTitle('Purge the CDN')).toMatchObject({ owner: 'database-administrator-dba', description: '- Purge both zones\nEstimated time: 15 min' });
  });

  it('gives a command twice an estimated time, and a stated limit as written', () => {
    const { byTitle } = imported(
      '1. Promote (DBA, 5m)\n\n   ```bash\n   pg_ctlcluster 15 main promote\n   ```\n\n2. Restart the API (owner: SRE on-call, timeout: 15m)\n\n   ```bash\n   systemctl restart api\n   ```',
    );
    expect(byTitle('Promote')).toMatchObject({ timeout: '10m', owner: 'database-administrator-dba' });
    expect(byTitle('Promote')?.description).toContain('Estimated time: 5m (timeout 10m');
    expect(byTitle('Restart the API')).toMatchObject({ timeout: '15m', owner: 'sre-on-call' });
  });

  it('declares an owner that is no role yet, not required; a person or handle finds the role they fill', () => {
    const { checklist, byTitle } = imported('1. Pause the cron (Owner: Platform team; ETA 2 minutes)\n2. Tell Ana (owner: Ana)\n3. Page (owner: @tomas)');
    expect(byTitle('Pause the cron')).toMatchObject({ owner: 'platform-team', description: 'Estimated time: 2 minutes' });
    expect(checklist.roles.find((r) => r.id === 'platform-team')).toMatchObject({ title: 'Platform team', required: false });
    expect(byTitle('Tell Ana')?.owner).toBe('sre-on-call');
    expect(byTitle('Page')?.owner).toBe('database-administrator-dba');
    // Initials name a role only when its title has no acronym of its own: SOC is not "SRE on-call".
    expect(imported('1. Review alerts (owner: SOC)').byTitle('Review alerts')?.owner).toBe('soc');
  });

  it('keeps an annotation that would overwrite a field already set, and several owners, as text', () => {
    const { byTitle } = imported('1. [DBA] Restart the pooler (owner: SRE on-call)\n2. Cut over (owner: DBA, SRE on-call)');
    expect(byTitle('Restart the pooler (owner: SRE on-call)')?.owner).toBe('database-administrator-dba');
    expect(byTitle('Cut over')).toMatchObject({ owner: 'database-administrator-dba', description: 'Owners: DBA, SRE on-call' });
  });

  it('leaves titles whose brackets and tails are not annotations as written', () => {
    const steps = [
      '1. Lower the DNS TTL (60s)',
      '2. Check status — T+5, T+10, T+15',
      '3. Restart web, api',
      '4. Deploy the gateway (see RFC-12)',
      '5. Scale to 3 replicas (10%)',
      '6. Check replication lag (< 5s)',
      '7. Announce in #general - @channel',
    ].join('\n');
    const { checklist } = imported(steps);
    expect(items(checklist).map((i) => i.title)).toEqual(['Lower the DNS TTL (60s)', 'Check status — T+5, T+10, T+15', 'Restart web, api', 'Deploy the gateway (see RFC-12)', 'Scale to 3 replicas (10%)', 'Check replication lag (< 5s)', 'Announce in #general - @channel']);
    expect(items(checklist).some((i) => i.timeout || i.at || i.owner)).toBe(false);
  });

  it('keeps "Wait … (10 min)" in the title: the time is the step; a command still gets its timeout', () => {
    const { byTitle } = imported('1. Wait for in-flight exports to finish (10 min)\n2. Wait for the queue to drain (10 min)\n\n   ```bash\n   ./wait-for-queue.sh\n   ```');
    expect(byTitle('Wait for in-flight exports to finish (10 min)')).not.toHaveProperty('description');
    expect(byTitle('Wait for the queue to drain (10 min)')?.timeout).toBe('20m');
  });

  it('maps a step table\'s owner by person, handle or role, and its duration column', () => {
    const { checklist } = importText(`# Payments

| Role | Name |
| --- | --- |
| Release manager | Dana Kim |
| Payments on-call | _TBD_ |

## Runsheet

| # | Time | Step | Owner | Duration | Command |
| --- | --- | --- | --- | --- | --- |
| 1 | T-30 | Freeze deploys | Dana | 5 min | \`./bin/freeze --on\` |
| 2 | T0 | Switch the alias | @payments-oncall | ~2 min | |
`);
    const [freeze, alias] = items(checklist);
    expect(freeze).toMatchObject({ owner: 'release-manager', timeout: '10m', at: 'T-30' });
    expect(alias).toMatchObject({ owner: 'payments-on-call', description: 'Estimated time: ~2 min', at: 'T0' });
    expect(checklist.roles.map((r) => r.id)).toEqual(['release-manager', 'payments-on-call']);
  });

  it('reads a step heading\'s annotations and the "**Owner:** · **ETA:**" line under it, which names no step', () => {
    const { checklist } = importText(`# Kafka

## Step 1: Stop producers (SRE, ~10 min)

\`\`\`bash
kubectl -n ingest scale deploy/producer --replicas=0
\`\`\`

## Step 2: Migrate metadata

**Owner:** Kafka team · **ETA:** 30 min

\`\`\`bash
kafka-storage.sh format -c /etc/kafka/kraft.properties
\`\`\`

## Rollback

1. Restore the snapshot
`);
    expect(checklist.sections.map((s) => s.title)).toEqual(['Step 1: Stop producers', 'Step 2: Migrate metadata', 'Rollback']);
    const [stop, migrate] = items(checklist);
    expect(stop).toMatchObject({ owner: 'sre', timeout: '20m' });
    expect(migrate).toMatchObject({ title: 'Migrate metadata', owner: 'kafka-team', timeout: '1h' });
    expect(checklist.sections[1]?.description).toBeUndefined();
  });

  it('gives a section\'s owner to each of its steps, but keeps a time that belongs to several steps in the heading', () => {
    const { checklist } = importText('# X\n\n## Rollback (DBA)\n\n1. Stop writes\n2. Restore\n\n## Soak (30 min)\n\n1. Watch errors\n2. Watch latency\n');
    expect(checklist.sections.map((s) => s.title)).toEqual(['Rollback', 'Soak (30 min)']);
    expect(items(checklist).map((i) => i.owner ?? null)).toEqual(['dba', 'dba', null, null]);
  });
});

describe('owner values that name no one', () => {
  it('keeps "owner: TBD", "owner: see below" and "Who: everyone" as written, declaring no role', () => {
    const { checklist } = importText('# X\n\n## Steps\n\n1. Flip DNS (owner: TBD)\n2. Drain (owner: see below)\n3. Announce\n   Who: everyone\n');
    expect(items(checklist).map((i) => i.title)).toEqual(['Flip DNS (owner: TBD)', 'Drain (owner: see below)', 'Announce Who: everyone']);
    expect(checklist.roles).toEqual([]);
  });
});

describe('a soak\'s time', () => {
  it('is how long an imported `watch -n` re-runs, not a timeout on each run', () => {
    const { checklist } = importText('# X\n\n## Soak\n\n1. Watch the error rate (30 min)\n\n   ```bash\n   watch -n 30 ./error-rate.sh\n   ```\n');
    const [item] = items(checklist);
    expect(item).toMatchObject({ run: './error-rate.sh', watch: { every: '30s', for: '30m' } });
    expect(item?.timeout).toBeUndefined();
  });
});

describe('owners written before the step, and on a line of a table cell', () => {
  it('reads "DBA: stop replication" and "🐺 Coordinator: post …" as owner and step, not "Note: …"', () => {
    const { checklist } = importText('# X\n\n## Steps\n\n- [ ] DBA: Stop replication\n- [ ] 🐺 Coordinator: Post in #production\n- [ ] Note: keep the old replica\n');
    expect(items(checklist).map((i) => [i.title, i.owner ?? null])).toEqual([
      ['Stop replication', 'dba'],
      ['Post in #production', 'coordinator'],
      ['Note: keep the old replica', null],
    ]);
  });

  it('reads "Owner: …" on its own line of a step table\'s cell (a Confluence <br>)', () => {
    const { checklist } = importText('# X\n\n## Steps\n\n| Step | Command |\n| --- | --- |\n| Drain the primary<br>Owner: DBA<br>ETA: 5 min | `./drain.sh` |\n');
    expect(items(checklist)[0]).toMatchObject({ title: 'Drain the primary', owner: 'dba', timeout: '10m', run: './drain.sh' });
  });
});

describe('steps written as paragraphs', () => {
  it('reads a bold step\'s annotations, its command in a paragraph of its own, and a quoted "> **Owner:**" block', () => {
    const { checklist } = importText(`# X

## Procedure

**Step 1: Freeze writes** (Owner: App team, 5 min)

Set the feature flag.

\`flagctl set cache.writes off\`

3.2 Switch clients to the new cluster

> **Owner:** SRE
> **Duration:** 10 min
`);
    const [freeze, switchClients] = items(checklist);
    expect(freeze).toMatchObject({ title: 'Step 1: Freeze writes', run: 'flagctl set cache.writes off', owner: 'app-team', timeout: '10m' });
    expect(switchClients).toMatchObject({ title: '3.2 Switch clients to the new cluster', owner: 'sre', description: 'Estimated time: 10 min' });
  });
});
