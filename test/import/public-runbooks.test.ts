// Excerpts of public runbooks (gitlab-com runbooks, openshift/runbooks, kubernetes/website, a
// database rollback playbook) that the importer once read wrong: a fence left open swallowing the
// rest of the page, `sudo` commands of unknown programs, programs named in prose taken for steps,
// a risk x severity matrix taken for severity levels, conditions taken for roles.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, items, publicDir, runs } from './helpers.js';

const fixture = (name: string) => importFile(join(publicDir, name));
const byTitle = <T extends { title: string }>(list: T[], title: string): T | undefined => list.find((i) => i.title === title);

describe('gitlab pg_minor_upgrade: a shell block that is never closed', () => {
  const { checklist: c, summary } = fixture('gitlab-pg-minor-upgrade.md');

  it('runs none of what the open fence swallowed, and names the line it opens on', () => {
    expect(runs(c).some((r) => r.includes('apt-get') || r.includes('Post checks'))).toBe(false);
    expect(byTitle(items(c), 'Update the binaries')?.description).toContain('```shell (never closed)\n# get a list of installed packages');
    expect(summary.notices.join('\n')).toContain('line 15: a code block opens here and is never closed');
  });

  it('runs `sudo <program>` whatever the program, after "Execute the command:"', () => {
    expect(byTitle(items(c), 'Execute the command')?.run).toBe('sudo chef-client-disable');
  });
});

describe('gitlab scale-down-patroni', () => {
  const { checklist: c } = fixture('gitlab-scale-down-patroni.md');

  it('keeps a quoted argument whole when deciding a span is a command', () => {
    expect(byTitle(items(c), 'On the replica node run')?.run).toBe('sudo chef-client-disable "Removing patroni node: Ref issue prod#xyz"');
  });

  it('runs an untagged for-loop and a psql query spread over lines; a second command with its own prose is its own step', () => {
    const wait = items(c).find((i) => i.title.startsWith('Wait until all client connections'));
    expect(wait?.run).toMatch(/^for c in \/usr\/local\/bin\/pgb-console\*; do .* done \| wc -l$/);
    const check = items(c).find((i) => i.title.startsWith('If there are still a few connections'));
    expect(check?.run).toMatch(/^gitlab-psql -qtc "SELECT count\(\*\) FROM pg_stat_activity\n/);
    expect(check?.description).toContain('Part of: Wait until all client connections are drained from the replica, use this command to track number of client connections');
    expect(wait?.description ?? '').not.toContain('If there are still');
  });

  it('drops GitLab\'s [[_TOC_]] marker instead of writing it as "[[TOC]]"', () => {
    expect(JSON.stringify(c)).not.toContain('TOC');
  });
});

describe('openshift etcdMembersDown: prose right before a command names its step', () => {
  const { checklist: c } = fixture('openshift-etcd-members-down.md');

  it('titles each console block by the paragraph before it, and never runs a program named in prose', () => {
    expect(items(c).map((i) => [i.title, i.run?.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['Login to the cluster. Check health of master nodes if any of them is in `NotReady` state or not.', 'oc get nodes'],
      ['To run `etcdctl` commands, we need to `rsh` into the `etcdctl` container of any etcd pod.', 'oc rsh -c'],
    ]);
  });
});

describe('kubernetes kubeadm-upgrade: commands the page says not to run', () => {
  const { checklist: c } = fixture('kubeadm-upgrade.md');

  it('runs `sudo kubeadm upgrade node`, but not the command after "instead of:" nor one that "is not needed"', () => {
    expect(runs(c)).toEqual(['sudo kubeadm upgrade node']);
    expect(JSON.stringify(c)).toContain('sudo kubeadm upgrade apply');
  });

  it('does not run a program that is the subject of a sentence ("`kubeadm upgrade` does not touch …")', () => {
    expect(items(c).find((i) => i.title.startsWith('Make sure to back up'))?.run).toBeUndefined();
  });
});

describe('database rollback playbook', () => {
  const { checklist: c, yaml } = fixture('db-rollback-playbook.md');

  it('keeps a risk x severity decision matrix as written: no levels, no "any Low => rollback" rules', () => {
    expect(c.severity?.levels ?? []).toEqual([]);
    expect((c.severity?.rules ?? []).map((r) => r.text)).toEqual([]);
    expect(yaml).toContain('| Low | Minor | Monitor → Rollback if worsens | Within 24 hours |');
  });

  it('reads conditions under "Escalation Before Rollback" as steps, and managers under "Management Escalation" as roles', () => {
    expect(c.roles.map((r) => r.title)).toEqual(['Engineering Manager', 'CTO/VP Engineering']);
    expect(items(c).map((i) => i.title)).toContain('Minor performance issues - <20% degradation');
  });

  it('keeps a task list under a "Documentation" heading as items, not as links', () => {
    expect(items(c).map((i) => i.title)).toContain('Root cause analysis - Understand what went wrong');
    expect(yaml).not.toContain('0 links imported');
  });
});

describe('gitlab alert playbook template', () => {
  const { checklist: c } = fixture('gitlab-alert-template.md');

  it('names a quoted list entry by its quote, not "Step"', () => {
    expect(items(c).map((i) => i.title)).toContain('How and when to escalate');
    expect(items(c).some((i) => i.title === 'Step')).toBe(false);
  });
});
