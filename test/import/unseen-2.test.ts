// Runbooks written for this test in the styles teams use (numbered lists, task lists, step tables,
// a heading per step, a Confluence page exported to markdown, Confluence wiki markup, root shell
// sessions): owner and time annotations, rules said twice, `# ` root prompts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { fixturesDir, importFile, items, runs } from './helpers.js';

const dir = join(fixturesDir, 'unseen-2');
const load = (name: string) => importFile(join(dir, name));
const item = (name: string, title: string) => items(load(name).checklist).find((i) => i.title === title);

describe('unseen runbooks (2)', () => {
  it('each imports to a checklist that `cutover validate` accepts', () => {
    const names = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(names.length).toBeGreaterThanOrEqual(6);
    const out = tempDir();
    for (const name of names) {
      const target = join(out, name.replace(/\.md$/, '.yaml'));
      expect(runCli(['import', join(dir, name), '-o', target]).code, name).toBe(0);
      const validated = runCli(['validate', target]);
      expect(validated.code, `${name}: ${validated.stdout}${validated.stderr}`).toBe(0);
      // No warning the import caused: a timeout on a manual step, a rollback section left empty.
      expect(`${validated.stdout}${validated.stderr}`, name).not.toMatch(/only applies to a command|has no items/);
    }
  });

  it('numbered list: owners resolve to the roles table, times and offsets become fields, the rule is imported once', () => {
    const { checklist, summary } = load('numbered-owner-annotations.md');
    expect(item('numbered-owner-annotations.md', 'Drain the primary')).toMatchObject({ owner: 'database-administrator-dba', timeout: '10m', run: 'pg_ctl stop -D /var/lib/postgresql/15/main -m fast' });
    expect(item('numbered-owner-annotations.md', 'Confirm the replica lag is under 1s')).toMatchObject({ owner: 'database-administrator-dba', at: 'T-15' });
    expect(item('numbered-owner-annotations.md', 'Snapshot the primary volume')).toMatchObject({ owner: 'sre-on-call', description: 'Estimated time: 20 min' });
    expect(item('numbered-owner-annotations.md', 'Flip DNS')).toMatchObject({ owner: 'netops', at: 'T+10' });
    expect(item('numbered-owner-annotations.md', 'Restart the API fleet')).toMatchObject({ run: '# Restart one AZ at a time\nsystemctl restart orders-api', timeout: '15m' });
    expect(checklist.severity.rules.filter((r) => r.recommend === 'rollback')).toHaveLength(1);
    expect(summary.notices.some((n) => n.includes('says the same as'))).toBe(true);
    expect(items(checklist).every((i) => !/owner:|~\d|T[+-]\d/i.test(i.title))).toBe(true);
  });

  it('task lists: offsets before, owners after, root prompts with their output split into steps', () => {
    const { checklist } = load('checkbox-runsheet.md');
    expect(item('checkbox-runsheet.md', 'Post the change notice in #eng-announce')).toMatchObject({ owner: 'comms-lead', at: 'T-60' });
    expect(item('checkbox-runsheet.md', 'Disable shard allocation')).toMatchObject({ owner: 'search-on-call', at: 'T-10', timeout: '4m' });
    expect(item('checkbox-runsheet.md', 'Stop the node')).toMatchObject({ run: 'systemctl stop elasticsearch', owner: 'search-on-call' });
    expect(item('checkbox-runsheet.md', 'systemctl status elasticsearch')?.description).toMatch(/^Part of: Stop the node\nExample output:/);
    expect(runs(checklist)).toContain('apt-get install -y elasticsearch=8.13.4');
    expect(checklist.severity.rules.map((r) => r.text)).toEqual(['Any SEV1 => rollback', 'Cluster red for more than 10 minutes => rollback']);
  });

  it('step table: owner by person and handle, duration column, P1 rule once', () => {
    const { checklist } = load('step-table-durations.md');
    expect(checklist.roles.map((r) => r.id)).toEqual(['release-manager', 'payments-on-call']);
    expect(item('step-table-durations.md', 'Verify card authorisations')).toMatchObject({ owner: 'release-manager', at: 'T+5' });
    expect(item('step-table-durations.md', 'Warm the new gateway pool')).toMatchObject({ owner: 'payments-on-call', timeout: '30m', at: 'T-10' });
    expect(checklist.severity.rules.map((r) => r.id)).toEqual(['p1-rollback', 'p2-hold']);
  });

  it('a heading per step: the heading\'s annotations and "**Owner:**" lines fill its step', () => {
    const { checklist } = load('heading-steps-annotations.md');
    expect(checklist.sections.map((s) => s.title).slice(0, 4)).toEqual(['Step 1: Stop producers', 'Step 2: Migrate metadata', 'Step 3: Restart brokers', 'Step 4: Verify']);
    expect(items(checklist).map((i) => i.owner ?? null).slice(0, 4)).toEqual(['sre', 'kafka-team', 'kafka-oncall', 'kafka-oncall']);
    expect(item('heading-steps-annotations.md', 'Migrate metadata')?.run).toBe('kafka-storage.sh format -t "$CLUSTER_ID" -c /etc/kafka/kraft.properties');
    expect(item('heading-steps-annotations.md', 'Check the consumer groups first')?.at).toBe('T+20');
    // The reset commented out under a real command is not run on its own.
    expect(runs(checklist).some((r) => r.startsWith('kafka-consumer-groups.sh --bootstrap-server localhost:9092 --reset'))).toBe(false);
  });

  it('Confluence export: the "Est. time" column and owners by role title', () => {
    const { checklist } = load('confluence-export.md');
    expect(item('confluence-export.md', 'Export the Okta group assignments')).toMatchObject({ owner: 'iam-engineer', description: 'Notes: keep the CSV with the change\nEstimated time: 10 min' });
    expect(item('confluence-export.md', 'Switch the SAML metadata URL back')).toMatchObject({ owner: 'change-lead', run: './gateway set-idp okta', timeout: '10m' });
    expect(checklist.severity.rules.map((r) => r.id)).toEqual(['sev1-rollback', 'sev2-fix-forward', '2-sev2-within-1h-consider']);
  });

  it('Confluence wiki markup: `{code}` blocks of root prompts run', () => {
    const { checklist } = load('confluence-wiki-markup.md');
    expect(runs(checklist)).toEqual(['redis-cli -p 6380 INFO replication', 'redis-cli -p 6380 CLUSTER FAILOVER']);
    expect(item('confluence-wiki-markup.md', 'Fail over to the replica')).toMatchObject({ owner: 'dba', at: 'T+5' });
    expect(checklist.severity.rules).toHaveLength(1);
  });

  it('root shell blocks: prompts run, prose and commented-out commands do not, a #! script stays whole', () => {
    const { checklist } = load('root-shell-blocks.md');
    expect(runs(checklist)).toEqual([
      'nginx -t',
      '# Copy the new config into place\ninstall -m 0644 edge.conf /etc/nginx/conf.d/edge.conf\n# nginx -s reload   <- do not reload yet, the next step does it',
      'systemctl reload nginx\nsystemctl reload nginx',
      'curl -sI https://edge.example.com/healthz\nss -tnp | grep -c nginx',
      '# kill the old workers only if they do not exit by themselves\npkill -QUIT -f "nginx: worker process is shutting down"',
      '#!/bin/bash\n# restore the previous config\ncp /etc/nginx/conf.d/edge.conf.bak /etc/nginx/conf.d/edge.conf\n# nginx -s reload\nsystemctl reload nginx',
    ]);
    expect(item('root-shell-blocks.md', 'Notes for the operator')?.run).toBeUndefined();
  });
});
