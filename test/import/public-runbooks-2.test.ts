// More excerpts of public runbooks the importer read wrong: a block of commented scripts run as
// one step (a health check that also rolled back), severity levels in an HTML table, a placeholder
// in a single-quoted jq filter, TOML front matter, contact cards, Hugo tabs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importText, items, publicDir, runs } from './helpers.js';

const fixture = (name: string) => importFile(join(publicDir, name));
const byTitle = <T extends { title: string }>(list: T[], title: string): T | undefined => list.find((i) => i.title === title);

describe('db rollback playbook: a block of comment-headed scripts', () => {
  const { checklist: c } = fixture('db-rollback-scripts.md');

  it('makes each commented script its own step, so the health check never rolls back', () => {
    expect(items(c).filter((i) => i.run).map((i) => [i.title, i.run, i.destructive ?? false])).toEqual([
      ['Quick health check', './ops/scripts/health-check.sh', false],
      ['Emergency rollback trigger', './ops/scripts/emergency-rollback.sh [migration-version]', true],
      ['Post-rollback validation', './ops/scripts/validate-rollback.sh', false],
    ]);
  });

  it('reads contacts under "Emergency Contacts and Escalation" > "Level 1" and "External Support" as roles', () => {
    expect(c.roles.map((r) => r.title)).toEqual([
      'Database Administrator', 'DevOps Engineer', 'Application Lead', 'Engineering Manager', 'Product Manager', 'Infrastructure Manager',
      'CTO/VP Engineering', 'CEO/Business Leadership', 'Database Vendor Support', 'Cloud Provider Support', 'Consultant/Expert',
    ]);
    expect(items(c).some((i) => i.title.startsWith('Database Administrator'))).toBe(false);
  });
});

describe('rustcdc runbook (Hugo): TOML front matter, commented commands', () => {
  const { checklist: c, summary } = fixture('rustcdc-runbook.md');

  it('reads the TOML front matter like YAML front matter instead of keeping it as text', () => {
    expect(c.title).toBe('Runbook');
    expect(c.description).toContain('Incident procedures for rustcdc');
    expect(c.description).toContain('weight: 70');
    expect(JSON.stringify(c)).not.toContain('+++');
    expect(summary.notices.join('\n')).not.toContain('TOML');
  });

  it('splits three numbered checks, a quote over several lines kept whole, and keeps rm apart from ps', () => {
    expect(items(c).map((i) => i.title)).toEqual([
      '1. Is it alive and does it think it is healthy?', '2. What does it think is wrong? (needs the read token)', '3. What do the numbers say?',
      'Local PID lock. Either a second process really is running, or a previous one was killed without cleanup.', 'If it is gone, the lock is stale and the next start overwrites it automatically.',
    ]);
    expect(items(c)[1]?.run).toMatch(/jq '\{\n {2}state, .*\n\}'$/);
    expect(items(c)[4]?.run).toBe('# If the file is orphaned on a shared volume:\nrm {{state_dir}}/.cdc-server.lock');
  });
});

describe('PagerDuty severity levels: an HTML table', () => {
  const { checklist: c, summary } = fixture('pagerduty-severity-levels.md');

  it('reads the levels and their criteria from the <table>, a row missing its </td> too', () => {
    expect(c.severity.levels.map((l) => l.id)).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5']);
    expect(c.severity.levels[1]?.criteria).toContain('Notification pipeline is severely impaired.');
    expect(c.severity.levels[0]?.description).toContain('Page an IC in Slack `!ic page`.; See During an Incident.');
    expect(summary.keptAsDescription.join('\n')).not.toContain('HTML block');
  });

  it('keeps the row without a level as text, and a conditional "If related to recent deployment, rollback" as one to consider', () => {
    expect(c.sections[0]?.description).toContain('Anything above this line is considered a "Major Incident"');
    expect(c.severity.rules.map((r) => [r.when?.severity, r.recommend])).toEqual([['SEV-3', 'consider-rollback']]);
  });
});

describe('KubePersistentVolumeFillingUp: a placeholder in a single-quoted jq filter', () => {
  const { checklist: c } = fixture('promop-pv-filling-up.md');

  it('fills <my-pvc> inside the quotes too, since the runbook uses it as a blank elsewhere', () => {
    const restart = runs(c).find((r) => r.includes('delete pod'));
    expect(restart).toContain('claimName=="{{my_pvc}}"');
  });

  it('says so when a quoted placeholder is left as written', () => {
    const { summary, checklist } = importText("# Find\n\n```bash\nkubectl get pod -ojson | jq -r '.items[] | select(.name==\"<pod-name>\")'\n```\n");
    expect(runs(checklist)[0]).toContain('"<pod-name>"');
    expect(summary.notices.join('\n')).toContain('<pod-name> inside quotes left as written, not made a variable');
  });
});

describe('radiology go/no-go: contact cards', () => {
  const { checklist: c } = fixture('radiology-on-call.md');

  it('makes "### Primary On-Call" with Name/Phone/Slack fields one role, not four steps', () => {
    expect(c.roles.map((r) => [r.title, r.contact])).toEqual([
      ['Primary On-Call', 'Slack: @engineer'], ['Secondary On-Call', 'Slack: @engineer'],
      ['Engineering Manager', undefined], ['SRE Lead', undefined], ['VP Engineering', undefined],
    ]);
    expect(items(c)).toEqual([]);
  });
});

describe('kubeadm upgrade (Hugo): commands inside {{% tab %}} shortcodes', () => {
  const { checklist: c, summary } = fixture('kubeadm-upgrade-tabs.md');

  it('runs the indented commands of each tab, titled by the tab, and drops the shortcode lines', () => {
    expect(JSON.stringify(c)).not.toContain('{{%');
    expect(byTitle(items(c), 'Ubuntu, Debian or HypriotOS')?.run).toMatch(/^apt update\napt-cache madison kubeadm/);
    expect(byTitle(items(c), 'CentOS, RHEL or Fedora')?.run).toMatch(/^yum list --showduplicates kubeadm/);
    expect(runs(c)).toContain('yum install -y kubeadm-1.18.x-0 --disableexcludes=kubernetes'.replace(/^/, '# replace x in 1.18.x-0 with the latest patch version\n'));
    expect(summary.notices.join('\n')).toContain('Hugo shortcode line(s)');
  });
});

describe('a block that is one script stays one step', () => {
  const whole = (code: string) => importText(`# Runbook\n\n## Fail over\n\n\`\`\`bash\n${code}\n\`\`\`\n`);

  it('keeps groups that share a variable together, marks the step destructive and says why', () => {
    const { checklist, summary } = whole('# Find the primary\nPRIMARY=$(patronictl list -f json | jq -r \'.[0].Member\')\n\n# Fail over away from it\npatronictl failover --candidate db2 --force $PRIMARY');
    expect(items(checklist)).toHaveLength(1);
    expect(items(checklist)[0]).toMatchObject({ title: 'Find the primary', destructive: true });
    expect(summary.notices.join('\n')).toContain('$PRIMARY is set in one part and used in a later one');
    expect(summary.notices.join('\n')).toContain('looks destructive (patronictl failover): marked destructive');
  });

  it('keeps a loop or a here-document that runs across comments together', () => {
    const loop = whole('for n in db1 db2; do\n  # drain\n  kubectl drain $n\n\n  # delete\n  kubectl delete node $n\ndone');
    expect(items(loop.checklist)).toHaveLength(1);
    const heredoc = whole("# Write the config\ncat <<'EOF' > /tmp/x.conf\n# a comment in the file\n\n# another\nEOF\n\n# Apply it\nkubectl apply -f /tmp/x.conf");
    expect(items(heredoc.checklist).map((i) => i.title)).toEqual(['Write the config', 'Apply it']);
    expect(items(heredoc.checklist)[0]?.run).toContain('# another\nEOF');
  });

  it('keeps a `cd` or an `export` with what follows, and a comment on the output with its command', () => {
    expect(items(whole('# Go to the repo\ncd /srv/app\n\n# Deploy\n./deploy.sh').checklist)).toHaveLength(1);
    const noted = whole('# Check nodes\nkubectl get nodes\n# Expected: all Ready\n\n# Check pods\nkubectl get pods');
    expect(items(noted.checklist).map((i) => [i.title, i.run])).toEqual([
      ['Check nodes', 'kubectl get nodes\n# Expected: all Ready'], ['Check pods', 'kubectl get pods'],
    ]);
  });
});

describe('an HTML table with a character reference that is no character', () => {
  it('keeps &#99999999; as written instead of failing', () => {
    const { checklist } = importText('# Levels\n\n<table><thead><tr><th>Severity</th><th>Description</th></tr></thead>\n<tr><td>SEV1</td><td>Outage &#99999999; now</td></tr></table>\n');
    expect(checklist.severity.levels[0]?.criteria).toEqual(['Outage &#99999999; now']);
  });
});
