// Runbooks written the way teams really write them, in styles the other fixtures do not cover:
// terminal sessions with `$ ` prompts, blockquote warnings and a rollback table, a Confluence
// export, a priority table with escalation rules, "1.1" / "Step 2 -" headings, a T-minus run-sheet.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, importFile, items, itemsOf, runs } from './helpers.js';

const fixture = (name: string) => importFile(join(fixturesDir, name));
const byTitle = <T extends { title: string }>(list: T[], title: string): T | undefined => list.find((i) => i.title === title);

describe('Kubernetes blue/green with $ prompts and their output', () => {
  const { checklist: c, summary } = fixture('k8s-blue-green-prompts.md');

  it('runs every prompted block (untagged or indented), without the prompt, output kept as an example', () => {
    const gates = itemsOf(c, 'gates');
    expect(gates.map((i) => i.run)).toEqual([
      "kubectl -n checkout get svc checkout -o jsonpath='{.spec.selector.slot}'",
      'kubectl -n checkout get deploy checkout-green',
      'kubectl config current-context',
    ]);
    expect(gates[1]?.description).toContain('Example output:\n```\nNAME             READY');
    expect(summary.keptAsDescription).toEqual([]);
    expect(runs(c).some((r) => /^\$|\n\$/.test(r))).toBe(false);
  });

  it('titles a lone command by its heading, and a "Label: `command`" step by its label', () => {
    const switchTraffic = c.sections.find((s) => s.id === 'switch-traffic');
    expect(switchTraffic?.items.map((i) => [i.title, i.run])).toEqual([
      ['Switch traffic', `kubectl -n checkout patch svc checkout -p '{"spec":{"selector":{"slot":"green"}}}'`],
    ]);
    const smoke = itemsOf(c, 'smoke');
    expect(smoke.map((i) => i.title)).toEqual(['Port-forward and hit the health endpoint', 'Run the synthetic checkout test against green', 'Check the error logs are quiet']);
    // what follows the command is kept, whole, in the description
    expect(smoke[2]?.description).toContain('should print `0`');
    expect(byTitle(items(c), 'Delete the old ReplicaSets')).toMatchObject({ destructive: true });
  });

  it('reads the owner from "**Service owner:**"', () => {
    expect(c.owner).toBe('team-checkout');
  });
});

describe('Postgres upgrade: numbered procedure, sub-steps, blockquote warnings, rollback table', () => {
  const { checklist: c } = fixture('pg-upgrade-blockquotes.md');

  it('takes version and owner from the page-properties table', () => {
    expect(c).toMatchObject({ version: '3.2', owner: 'DBA team' });
    expect(c.description).toContain('> WARNING: `pg_upgrade --link` makes the old cluster unusable');
  });

  it('keeps the numbered procedure in order with its sub-steps and multi-line commands', () => {
    const steps = c.sections[0]?.items ?? [];
    expect(steps.map((i) => i.title)).toEqual([
      'Announce the maintenance window', 'Post in #status: "orders-db maintenance starting"', 'Set the status page component "Orders" to Under maintenance',
      'Take a snapshot of the data volume', 'Stop the application writers', 'Scale down the API', 'Confirm no sessions remain', 'Stop PostgreSQL 13',
      'Run the upgrade check, then the upgrade', 'Dry run', 'Real run: the same command without `--check`.', 'Start PostgreSQL 16 and analyze',
      'Bring the application back',
    ]);
    expect(byTitle(steps, 'Dry run')?.run).toMatch(/^\/usr\/lib\/postgresql\/16\/bin\/pg_upgrade \\\n {2}--old-datadir=.*--link --check$/s);
    expect(byTitle(steps, 'Take a snapshot of the data volume')?.description).toContain('> Do not continue without a completed snapshot.');
    // SQL is not shell: kept to read, not run
    expect(byTitle(steps, 'Confirm no sessions remain')?.run).toBeUndefined();
  });

  it('turns the rollback table into steps: situation as description, <snapshot-id> as a variable', () => {
    const rollback = itemsOf(c, 'rollback');
    expect(rollback.map((i) => i.title)).toEqual([
      'Start the old cluster again, nothing was changed', 'Restore the volume from the snapshot taken in step 2',
      'Scale the API down, then decide with the DBA on call', 'Page the DBA lead and the IC. Do not drop anything.',
    ]);
    expect(rollback[1]).toMatchObject({ run: 'aws ec2 create-volume --snapshot-id {{snapshot_id}} --availability-zone us-east-1a', description: 'Situation: Upgrade fails after `--link`' });
    expect(rollback[3]?.run).toBeUndefined();
    expect(c.variables.map((v) => v.name)).toEqual(['snapshot_id']);
  });
});

describe('CDN cutover exported from Confluence (HTML title, tables, <br> in cells)', () => {
  const { checklist: c } = fixture('cdn-confluence-tables.md');

  it('takes the title from the <h1> and the owner from the properties table', () => {
    expect(c).toMatchObject({ title: 'CDN Migration: Fastly → CloudFront (www.example.com)', owner: '@jane.smith' });
  });

  it('reads a "How" column as the command and a numbers-only "Step" column as numbering', () => {
    const gates = itemsOf(c, 'gates');
    expect(c.sections.find((s) => s.title === 'Pre-cutover checks')?.kind).toBe('gates');
    expect(gates.map((i) => i.run)).toEqual([
      'aws cloudfront get-distribution --id E2ABC --query Distribution.Status',
      'openssl s_client -connect d111.cloudfront.net:443 -servername www.example.com </dev/null | openssl x509 -noout -ext subjectAltName',
      "curl -sI https://d111.cloudfront.net/ -H 'Host: www.example.com'",
      'dig +noall +answer www.example.com',
    ]);
    expect(gates[0]?.expect).toMatchObject({ contains: '"Deployed"' });
    const steps = c.sections.find((s) => s.title === 'Cutover steps')?.items ?? [];
    expect(steps.map((i) => [i.id, i.title, i.owner])).toEqual([
      ['freeze-cdn-config-changes', 'Freeze CDN config changes in Fastly', 'change-lead'],
      ['switch-alias-record-cloudfront', 'Switch the ALIAS record to CloudFront', 'network-on-call'],
      ['watch-resolvers-converge', 'Watch resolvers converge', 'network-on-call'],
      ['purge-nothing-yet-keep', 'Purge nothing yet — keep Fastly serving as fallback', 'change-lead'],
    ]);
  });

  it('turns `watch -n 10 cmd` (which never exits) into a re-run check', () => {
    const watched = itemsOf(c, 'steps').find((i) => i.title === 'Watch resolvers converge');
    expect(watched).toMatchObject({ run: 'dig +short www.example.com @8.8.8.8', watch: { every: '10s', for: '10m' } });
    expect(watched?.description).toContain('Imported from `watch -n 10 dig +short www.example.com @8.8.8.8`');
  });

  it('keeps <br> contacts as one field and makes each sign-off row an item for its role', () => {
    expect(c.roles.find((r) => r.id === 'change-lead')).toMatchObject({ name: 'Jane Smith', contact: '@jane.smith, +1 555 0100', backup: 'Raj Patel' });
    expect(itemsOf(c, 'signoff').map((i) => [i.title, i.owner, i.evidence])).toEqual([
      ['Change lead signs off', 'change-lead', true], ['Network on-call signs off', 'network-on-call', true],
    ]);
    expect(c.sections.find((s) => s.id === 'background')?.description).toBe(
      'We are moving www.example.com from Fastly to CloudFront.\u00a0DNS is on Route 53. TTL on the apex is currently 3600.',
    );
  });
});

describe('on-call runbook: P1..P4 table, escalation rules, roles with duties', () => {
  const { checklist: c } = fixture('oncall-priority-table.md');

  it('makes P1..P4 levels with definition as criteria and response as description', () => {
    expect(c.severity.levels.map((l) => [l.id, l.criteria[0]?.slice(0, 20), l.description?.slice(0, 25)])).toEqual([
      ['P1', 'Search is down for a', 'Response: Page IC immedia'], ['P2', 'Search degraded for ', 'Response: Page secondary,'],
      ['P3', 'Single feature broke', 'Response: Ticket, fix dur'], ['P4', 'Cosmetic / no user i', 'Response: Backlog'],
    ]);
  });

  it('reads both rules of one "Escalation rule:" paragraph, with their conditions', () => {
    expect(c.severity.rules.map((r) => [r.when, r.recommend, r.unless])).toEqual([
      [expect.objectContaining({ severity: 'P1', atLeast: 1 }), 'rollback', 'the IC decides otherwise'],
      [expect.objectContaining({ severity: 'P2', atLeast: 2, within: '1h' }), 'consider-rollback', undefined],
    ]);
  });

  it('keeps a role\'s duties as its description, not as its name or contact', () => {
    expect(c.roles.map((r) => [r.title, r.name, r.contact, r.description])).toEqual([
      ['Incident Commander (IC)', undefined, '@search-ic', 'runs the bridge, makes the call. Rotation: `@search-ic`'],
      ['Ops lead', undefined, undefined, 'executes changes'],
      ['Comms', undefined, '#search-comms', 'status page and stakeholder updates — `#search-comms`'],
      ['Scribe', undefined, undefined, 'keeps the timeline in the incident doc'],
    ]);
  });

  it('makes a paragraph holding a command a step, an "Expected:" after a command its pass condition', () => {
    const health = c.sections.find((s) => s.title === 'Diagnosis / Elasticsearch cluster health');
    expect(health?.kind).toBe('smoke'); // its own words (health) win over the parent's (Diagnosis)
    expect(health?.items[0]).toMatchObject({ title: 'Elasticsearch cluster health', expect: { contains: '"status" : "green"' } });
    const backlog = c.sections.find((s) => s.title === 'Diagnosis / Queue backlog')?.items[0];
    expect(backlog).toMatchObject({ title: 'Check the indexer queue depth', run: 'rabbitmqctl list_queues name messages | grep search-indexer' });
    expect(backlog?.description).toContain('More than 10000 messages means indexing is falling behind.');
  });

  it('reads Mitigations as a playbook and After the incident as plain steps; rolling back, deleting a pod, purging a queue are destructive', () => {
    expect(c.sections.map((s) => s.kind)).toEqual(['triage', 'triage', 'steps', 'smoke', 'triage', 'triage', 'playbook', 'steps']);
    expect(itemsOf(c, 'playbook').filter((i) => i.destructive).map((i) => i.title)).toEqual(['Roll back the deploy', 'Restart a stuck node', 'Clear the indexer queue (last resort)']);
  });
});

describe('headings numbered "1.", "1.1", "Step 2 -", and numbered paragraphs', () => {
  const { checklist: c } = fixture('numbered-headings.md');

  it('makes numbered sub-headings and "3.1 …" paragraphs items, with ids free of numbering', () => {
    expect(c.sections.map((s) => [s.title, s.kind, s.items.length])).toEqual([
      ['1. Preparation', 'steps', 3], ['2. Execution', 'steps', 3], ['3. Validation', 'smoke', 3], ['4. Rollback', 'rollback', 2],
      ['5. Appendix / 5.1 Useful commands', 'steps', 2],
    ]);
    expect(items(c).slice(0, 6).map((i) => i.id)).toEqual([
      'confirm-replication-lag-zero', 'freeze-topic-creation', 'take-offset-snapshot', 'stop-producers', 'switch-consumers-new-cluster', 'start-producers-against-new',
    ]);
    expect(itemsOf(c, 'smoke')[0]).toMatchObject({ title: '3.1 Consumers are reading', run: 'kafka-consumer-groups --bootstrap-server new-kafka:9092 --describe --group order-consumer' });
    expect(itemsOf(c, 'rollback').map((i) => i.title)).toEqual([
      '4.1. Point producers and consumers back at `old-kafka:9092` (reverse of steps 2–4).', '4.2. Delete the new consumer group offsets so they do not get reused',
    ]);
    expect(itemsOf(c, 'rollback')[1]).toMatchObject({ destructive: true });
    expect(c).toMatchObject({ version: '1.4', owner: 'streaming-platform' });
  });
});

describe('a terse T-minus run-sheet (Time | Who | What | Command)', () => {
  const { checklist: c } = fixture('tminus-runsheet.md');

  it('gives every row its offset, owner and command', () => {
    const rows = c.sections[0]?.items ?? [];
    expect(c.sections[0]?.kind).toBe('timeline');
    expect(rows.map((i) => i.at)).toEqual(['T-60', 'T-45', 'T-30', 'T-20', 'T-10', 'T-0', 'T+5', 'T+5', 'T+15', 'T+15', 'T+30']);
    expect(rows.filter((i) => i.run)).toHaveLength(7);
    expect(byTitle(rows, 'If rollback: `helm rollback billing`')).toMatchObject({ run: 'helm rollback billing', owner: 'sre' });
  });

  it('spells out role abbreviations from the legend, and reads "Rollback if:" as a manual trigger', () => {
    expect(c.roles.map((r) => [r.id, r.title])).toEqual([
      ['rm', 'Release manager (RM)'], ['sre', 'Site reliability (SRE)'], ['dba', 'Database admin (DBA)'], ['qa', 'Quality (QA)'],
    ]);
    expect(c.severity.rules.map((r) => [r.text, r.recommend, r.when])).toEqual([
      ['Rollback if: any failed smoke at T+5, or error rate > 2% at T+15.', 'rollback', undefined],
    ]);
  });
});

describe('bold "**Step 1: …**" labels, GitHub alerts, <details> and admonitions', () => {
  const { checklist: c, summary } = fixture('bold-steps-admonitions.md');

  it('gives each bold step the prose and code that follow it, and no more', () => {
    expect(items(c).map((i) => [i.title, i.run, i.description])).toEqual([
      ['Step 1: Check replication', 'redis-cli -h redis-replica INFO replication | grep master_link_status', 'Make sure the replica is in sync.'],
      ['Step 2: Promote the replica', 'redis-cli -h redis-replica REPLICAOF NO ONE', undefined],
      // the warning belongs to the step; the rollback hidden in <details> does not
      ['Step 3: Repoint clients', undefined, 'Update the `REDIS_HOST` secret and restart the API.\n> [!WARNING]\n> Do not promote while `master_link_status:down`.'],
      ['redis-cli -h redis-old REPLICAOF NO ONE', 'redis-cli -h redis-old REPLICAOF NO ONE', undefined],
    ]);
  });

  it('never makes a step of a command the runbook says never to run', () => {
    expect(runs(c).join('\n')).not.toContain('FLUSHALL');
    expect(c.sections[0]?.description).toContain('> Danger: Never — run `redis-cli FLUSHALL` on the primary.');
    expect(summary.keptAsDescription).toContain('HTML block in "Redis failover"');
  });
});
