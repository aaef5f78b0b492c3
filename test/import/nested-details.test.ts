// Commands under a step's detail bullets, and terminal sessions with output: one Enter must never
// run a check and the failover after it. Each bullet with a command is a step of its own; each
// prompted command of a session is a step, its output kept as an example.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../src/domain/checklist-schema.js';
import { fixturesDir, importFile, importText } from './helpers.js';

const fence = '```';
const { checklist: c } = importFile(join(fixturesDir, 'nested-detail-commands.md'));
const section = (checklist: Checklist, id: string) => checklist.sections.find((s) => s.id === id)?.items ?? [];
const brief = (checklist: Checklist, id: string) => section(checklist, id).map((i) => ({ title: i.title, run: i.run, destructive: i.destructive ?? false }));

describe('commands under detail bullets', () => {
  it('makes each bullet with a code block a step titled by its text, the parent a manual step', () => {
    expect(brief(c, 'failover').slice(0, 3)).toEqual([
      { title: 'Fail over the database', run: undefined, destructive: false },
      { title: 'Check replication lag first', run: 'psql -c "select now() - pg_last_xact_replay_timestamp()"', destructive: false },
      { title: 'Then promote the replica', run: 'patronictl failover --force', destructive: true },
    ]);
    const [parent, lag] = section(c, 'failover');
    expect(parent?.description).toBe('- Tell #ops when done.');
    expect(lag?.description).toBe('Part of: Fail over the database');
  });

  it('keeps the step its own block and splits off the rollback under its bullet', () => {
    expect(brief(c, 'failover').slice(3, 5)).toEqual([
      { title: 'Restart the API', run: 'kubectl rollout restart deploy/api', destructive: false },
      { title: 'If it does not come back, roll back', run: 'helm rollback api 41', destructive: true },
    ]);
  });

  it('splits bullets whose commands are `code` spans, each repeating the lead-in', () => {
    const [check, promote] = section(c, 'failover').slice(5, 7);
    expect([check?.run, promote?.run]).toEqual(['pg_isready -h standby', 'pg_ctl promote -D /var/lib/pgsql/data']);
    expect(check?.destructive).toBeFalsy();
    expect(promote?.description).toBe('Switch writes:');
    expect(section(c, 'failover').map((i) => i.title)).not.toContain('Switch writes');
  });

  it('leaves one command under a step without its own as that step\'s run', () => {
    expect(section(c, 'failover')[7]).toMatchObject({ title: 'Drain the old primary', run: 'pgbouncer -R /etc/pgbouncer/pgbouncer.ini' });
    expect(section(c, 'failover')).toHaveLength(8);
  });

  it('splits the children of a task-list entry the same way', () => {
    expect(brief(c, 'traffic')).toEqual([
      { title: 'Move traffic to the new primary', run: undefined, destructive: false },
      { title: 'Check the pool', run: 'psql -h pool -c "show pools"', destructive: false },
      { title: 'Fail over the pool', run: './ops/failover-pool.sh', destructive: true },
    ]);
  });

  it('splits grandchild bullets under a split child', () => {
    const code = (command: string, indent: string) => `${indent}${fence}\n${indent}${command}\n${indent}${fence}\n`;
    const { checklist } = importText(
      `# R\n\n## Steps\n\n1. Cut over\n   - Database\n     - Check:\n${code('pg_isready -h new', '       ')}     - Promote:\n${code('patronictl failover --force', '       ')}   - Cache\n${code('redis-cli -h new ping', '     ')}`,
    );
    expect(brief(checklist, 'steps').map((i) => [i.title, i.run ?? null])).toEqual([
      ['Cut over', null],
      ['Database', null],
      ['Check', 'pg_isready -h new'],
      ['Promote', 'patronictl failover --force'],
      ['Cache', 'redis-cli -h new ping'],
    ]);
  });

  it('never puts two detail commands in one run', () => {
    const all = c.sections.flatMap((s) => s.items);
    expect(all.filter((i) => i.run && /psql|pg_isready|pgbouncer|kubectl get/.test(i.run) && /failover|promote|rollback|delete/.test(i.run))).toEqual([]);
  });
});

describe('terminal sessions with output', () => {
  it('makes each prompted command a step, its output the example, the destructive one marked', () => {
    const [get, remove] = section(c, 'cleanup');
    expect(get).toMatchObject({ title: 'Remove the failed pod', run: 'kubectl get pods -l app=db' });
    expect(get?.destructive).toBeFalsy();
    expect(get?.description).toBe(`Example output:\n${fence}\nNAME   READY   STATUS\ndb-0   0/1     CrashLoopBackOff\n${fence}`);
    expect(remove).toMatchObject({ title: 'kubectl delete pod db-0', run: 'kubectl delete pod db-0', destructive: true });
    expect(remove?.description).toBe(`Part of: Remove the failed pod\nExample output:\n${fence}\npod "db-0" deleted\n${fence}`);
  });

  it('keeps a session whose `cd` the next command needs as one step', () => {
    expect(section(c, 'cleanup')[2]).toMatchObject({ title: 'Re-run the migration from its folder', run: 'cd /srv/app\n./migrate.sh --status' });
    expect(section(c, 'cleanup')).toHaveLength(3);
  });

  it('titles a command by the comment above it', () => {
    const { checklist } = importText(`# R\n\n## Checks\n\n${fence}console\n# Pods are running\n$ kubectl get pods\napi-1 Running\n# Roll back the release\n$ helm rollback api\nRollback was a success\n${fence}\n`);
    expect(brief(checklist, 'checks')).toEqual([
      { title: 'Pods are running', run: 'kubectl get pods', destructive: false },
      { title: 'Roll back the release', run: 'helm rollback api', destructive: true },
    ]);
  });
});
