// One fixture per runbook style (test/fixtures/import/*.md), including the awkward cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRunbook } from '../../src/domain/import/index.js';
import { fixturesDir, importFile, importText, items, itemsOf, runs } from './helpers.js';

const fixture = (name: string) => importFile(join(fixturesDir, name));

describe('task lists', () => {
  const { checklist: c } = fixture('task-lists.md');

  it('makes nested task and numbered lists items, and attaches indented code to its step', () => {
    expect(items(c).map((i) => i.title)).toEqual([
      'Announce the maintenance window in #ops', 'Confirm replicas are in sync', 'Snapshot the primary volume',
      'Record the snapshot id', 'Check the snapshot is `completed` with `aws ec2 describe-snapshots --snapshot-ids <snapshot-id>`',
      'Promote the replica', 'Stop writes on the primary', 'Run `pg_ctl promote -D /var/lib/postgresql/data`',
      'Repoint the application', 'Smoke the API',
    ]);
    expect(items(c)[1]?.run).toBe('psql -h replica-1 -c "select now() - pg_last_xact_replay_timestamp();"');
    expect(items(c)[3]?.description).toBe('Part of: Snapshot the primary volume');
    expect(items(c)[7]?.run).toBe('pg_ctl promote -D /var/lib/postgresql/data');
  });

  it('turns <placeholders> in commands into variables; detail bullets lend their commands', () => {
    expect(items(c)[4]?.run).toBe('aws ec2 describe-snapshots --snapshot-ids {{snapshot_id}}');
    expect(items(c)[8]?.run).toBe('kubectl -n {{namespace}} rollout restart deployment/api');
    expect(items(c)[8]?.description).toContain('update `DATABASE_URL` in the secret store');
    expect(c.variables.map((v) => v.name)).toEqual(['snapshot_id', 'namespace']);
  });
});

describe('step tables', () => {
  const { checklist: c, summary } = fixture('step-table.md');
  const smoke = itemsOf(c, 'smoke');

  it('reads columns by header words, keeps escaped pipes and <br>, skips blank template rows', () => {
    expect(smoke.map((i) => i.title)).toEqual(['API answers', 'Queue drains', 'Ledger totals match (compare with finance export)']);
    expect(smoke[0]).toMatchObject({ run: 'curl -fsS https://api.example.com/health', expect: { exitCode: 0 }, owner: 'sre-oncall' });
    expect(smoke[1]).toMatchObject({ run: 'rabbitmqctl list_queues name messages | grep payments', owner: 'dba-team' });
    expect(smoke[2]?.run).toBeUndefined();
    expect(smoke[2]?.description).toContain('Expected: totals equal');
    expect(summary.blankRowsSkipped).toBe(2);
  });

  it('declares owners as roles and keeps a header-only table as text', () => {
    expect(c.roles.map((r) => [r.id, r.title])).toEqual([['sre-oncall', 'SRE oncall'], ['dba-team', 'DBA team'], ['finance-owner', 'Finance owner']]);
    expect(c.sections[1]?.description).toContain('| Step | Command |');
    expect(summary.keptAsDescription).toContain('empty table (Step | Command) in "Empty table"');
  });
});

describe('code blocks under numbered steps', () => {
  const { checklist: c } = fixture('numbered-code.md');

  it('attaches a fence that interrupted a `1)` list to the step it follows', () => {
    expect(items(c)[0]).toMatchObject({ title: 'Drain the old cache', run: "redis-cli -h old-cache CLIENT PAUSE 60000\nredis-cli -h old-cache --scan --pattern 'session:*' | wc -l" });
    expect(items(c)[1]).toMatchObject({ title: 'Switch the config' });
    expect(items(c)[1]?.run).toBeUndefined();
  });

  it('strips $ prompts of console blocks: a step per command, its output as an example', () => {
    expect(items(c)[2]).toMatchObject({ title: 'Verify', run: 'curl -s http://localhost:8080/healthz' });
    expect(items(c)[2]?.description).toContain('```\nok\n```');
    expect(items(c)[3]).toMatchObject({ title: 'curl -s http://localhost:8080/version', run: 'curl -s http://localhost:8080/version' });
    expect(items(c)[3]?.description).toBe('Part of: Verify\nExample output:\n```\nv2.3.1\n```');
  });

  it('marks destructive commands', () => {
    expect(itemsOf(c, 'rollback')[1]).toMatchObject({ run: 'redis-cli -h new-cache FLUSHALL', destructive: true });
    expect(items(c).filter((i) => i.destructive)).toHaveLength(1);
  });
});

describe('front matter', () => {
  const { checklist: c } = fixture('front-matter.md');

  it('gives title, owner and version (as written); other keys and the H1 stay in the description', () => {
    expect(c).toMatchObject({ title: 'Search index rebuild', owner: 'search-team', version: '2.1' });
    expect(c.description).toContain('Rebuild the search index');
    expect(c.description).toContain('tags: search, elastic');
    expect(c.description).toContain('ticket: CHG-1234');
    expect(runs(c)).toEqual(['curl -s localhost:9200/_cluster/health']);
  });

  it('keeps invalid front matter as text and says so', () => {
    const { checklist, summary } = importText('---\ntitle: [broken\n---\n\n# Real title\n\n- step\n');
    expect(checklist.title).toBe('Real title');
    expect(checklist.description).toContain('title: [broken');
    expect(checklist.sections.map((s) => s.title)).toEqual(['Real title']);
    expect(summary.notices.join('\n')).toContain('front matter is not valid YAML');
  });
});

describe('severity lists and tables', () => {
  const { checklist: c, summary } = fixture('severity.md');

  it('reads levels from a severity table and a labelled list', () => {
    expect(c.severity.levels.map((l) => l.id)).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'Critical', 'Minor', 'P0']);
    expect(c.severity.levels[0]).toMatchObject({ criteria: ['Checkout down for all users', 'Payments failing'], description: 'Response: Page everyone' });
  });

  it('parses rule sentences where they parse and keeps the rest as manual triggers', () => {
    const when = Object.fromEntries(c.severity.rules.map((r) => [r.text.split(' =>')[0]?.split(' ->')[0], r.when ?? null]));
    expect(when).toMatchObject({
      'any SEV-1': { severity: 'SEV-1', atLeast: 1 },
      '2 or more SEV-2 within 4 hours': { severity: 'SEV-2', atLeast: 2, within: '4h' },
      'any Critical': { severity: 'Critical' },
      'Error budget burn > 10x for 30 minutes': null,
      '3 failed checks in smoke': { failedChecks: 3 },
      'Conversion drops below 80% of baseline': null,
      'Any P0 incident': { severity: 'P0' },
    });
    expect(c.severity.rules.find((r) => r.text.startsWith('any Critical'))?.unless).toBe('the data is restored from backup within 15 minutes');
    expect(summary.notices.join('\n')).toContain('names severity P0, which the runbook does not define');
  });

  it('maps roll-forward requirements', () => {
    expect(c.sections.find((s) => s.kind === 'rollforward')?.requires).toEqual({ gatesPassed: true, noOpenIncidents: true, text: ['all gates pass again', 'no open incidents'] });
  });
});

describe('awkward input', () => {
  const { checklist: c, summary } = fixture('awkward.md');

  it('reads an untagged block that looks like shell, keeps prose and powershell as description', () => {
    // `sudo -i` is typed on the bastion: as one script it would run on the operator's machine.
    expect(items(c)[0]?.run).toBeUndefined();
    expect(items(c)[0]?.description).toContain('ssh bastion.example.com\nsudo -i');
    expect(summary.keptAsDescription.join('\n')).toContain('`ssh bastion.example.com` opens a session that the lines after it are typed into');
    expect(c.sections[1]?.description).toContain('This block is prose about the deploy.');
    expect(c.sections[2]?.description).toContain('```powershell\nRestart-Service -Name W3SVC\n```');
    expect(runs(c).join('\n')).not.toContain('Restart-Service');
  });

  it('never puts {{…}} template text in a run', () => {
    expect(runs(c).some((r) => r.includes('{{'))).toBe(false);
    expect(items(c).find((i) => i.title === '1) Render the config')?.description).toContain("go-template='{{range .items}}");
    expect(summary.keptAsDescription.some((k) => k.includes('template text'))).toBe(true);
  });

  it('makes numbered sub-headings items of their section, keeps escaped pipes, HTML and quotes', () => {
    const execution = c.sections.find((s) => s.title === 'Execution');
    expect(execution?.items.map((i) => i.title)).toEqual(['1) Render the config', '2) Execute']);
    expect(execution?.items[1]).toMatchObject({ destructive: true });
    expect(runs(c)).toContain("grep -E 'ERROR|FATAL' /var/log/app.log | wc -l");
    expect(c.title).toBe('Awkward runbook 🚀');
    expect(c.description).toContain('Intro with\na line break');
    expect(c.sections.at(-1)?.description).toContain('> Warning: never run this on Fridays.');
    expect(c.sections.at(-1)?.description).toContain('<details>');
  });
});

describe('a typical Kubernetes runbook (setext headings, contacts table, indented code)', () => {
  const { checklist: c } = fixture('k8s-rollout.md');

  it('reads the header, the contacts table and the severity bullets', () => {
    expect(c).toMatchObject({ title: 'Payments API v2 rollout', owner: 'Payments Platform', version: '2024-05-01' });
    expect(c.roles).toEqual([
      { id: 'incident-commander', title: 'Incident Commander', contact: '#payments-ic', required: true },
      { id: 'payments-sme', title: 'Payments SME', name: 'Jane Doe', contact: '@jane', required: true },
      { id: 'dba', title: 'DBA', required: true },
    ]);
    expect(c.severity.levels.map((l) => [l.id, l.criteria])).toEqual([
      ['SEV1', ['Full outage of payments or data loss']], ['SEV2', ['Degraded payments (error rate > 1%)']], ['SEV3', ['Minor issues, no customer impact']],
    ]);
    expect(c.severity.rules).toEqual([expect.objectContaining({ text: 'If a SEV1 is declared, roll back immediately.', when: expect.objectContaining({ severity: 'SEV1' }), recommend: 'rollback' })]);
  });

  it('runs indented and fenced code under steps, flattens three levels of sub-steps', () => {
    const deploy = c.sections.find((s) => s.title === 'Deployment Steps')?.items ?? [];
    expect(deploy.map((i) => [i.title, i.run?.split('\n')[0]])).toEqual([
      ['Set the context', 'kubectl config use-context prod-eu'], ['Apply the manifests', 'kubectl apply -k overlays/prod'],
      ['Enable the flag for 5% of traffic', undefined], ['Open the flag console', undefined], ['Set `payments_v2` to 5%', undefined],
      ['Wait 10 minutes', undefined], ['Check dashboards', undefined],
    ]);
    expect(itemsOf(c, 'smoke').map((i) => i.run)).toEqual(['kubectl get pods -n payments', undefined, 'curl -sf https://payments.example.com/healthz']);
    expect(itemsOf(c, 'rollback')[0]).toMatchObject({ destructive: true });
  });
});

describe('a run sheet table', () => {
  const { checklist: c, summary } = fixture('runsheet-table.md');

  it('reads step, action, command, expected, owner and status columns', () => {
    const steps = c.sections[0]?.items ?? [];
    expect(steps.map((i) => i.title)).toEqual(['Lower TTL', 'Wait for TTL expiry', 'Switch record', 'Verify']);
    expect(steps.map((i) => i.owner)).toEqual(['netops', 'netops', 'netops', 'on-call-sre']);
    expect(c.roles.find((r) => r.id === 'netops')).toMatchObject({ title: 'netops', name: '@netops' });
    expect(steps[3]).toMatchObject({ run: 'dig +short api.example.com', expect: { description: '`203.0.113.10`' } });
    expect(steps[1]?.run).toBeUndefined();
  });

  it('turns abort criteria into manual rules and keeps the HTML table', () => {
    expect(c.severity.rules.map((r) => [r.recommend, r.when])).toEqual([['rollback', undefined], ['rollback', undefined]]);
    expect(c.sections[1]?.description).toContain('<table>');
    expect(summary.keptAsDescription).toContain('HTML block in "Abort criteria"');
  });
});

describe('CRLF, no headings, nothing at all', () => {
  it('imports CRLF text exactly like LF text', () => {
    const lf = readFileSync(join(fixturesDir, 'numbered-code.md'), 'utf8');
    const crlf = importText(lf.replace(/\n/g, '\r\n'));
    expect(crlf.checklist).toEqual(importText(lf).checklist);
    expect(crlf.summary.notices).toContain('converted CRLF line endings');
  });

  it('puts a file with no headings into one steps section', () => {
    const prose = fixture('no-headings.md').checklist;
    expect(prose.sections).toHaveLength(1);
    expect(prose.sections[0]).toMatchObject({ kind: 'steps', items: [] });
    expect(prose.sections[0]?.description).toContain('Restart the worker fleet');
    const steps = fixture('steps-only.md').checklist;
    expect(steps.sections[0]?.items.map((i) => i.title)).toEqual(['Drain node', 'Restart node', 'Undrain node']);
  });

  it('makes steps before the first section a "Before you start" section', () => {
    const { checklist } = importText('# Restart\n\nDo this first:\n\n1. Drain\n2. Restart\n\n## Rollback\n\n- Undrain\n');
    expect(checklist.sections.map((s) => [s.id, s.items.map((i) => i.title)])).toEqual([['before-you-start', ['Drain', 'Restart']], ['rollback', ['Undrain']]]);
  });

  it('refuses a file with nothing in it', () => {
    expect(() => importText('\n\n---\n\n')).toThrow(/nothing to import/);
    expect(() => importText('')).toThrow(/nothing to import/);
    expect(() => importText('# A\n## B\n### C\n')).toThrow(/nothing to import: only headings, with no steps or text under them/);
  });

  it('reads one rule per line even without full stops, and keeps an unusable id column as text', () => {
    const rules = importText('# R\n\n## Severity\n\n- SEV-0: down\n- Sev 1: partial\n\nany SEV-0 => rollback\n3 SEV1 in 2 days => consider rollback\n').checklist.severity.rules;
    expect(rules.map((r) => [r.text, r.when?.severity, r.when?.atLeast, r.when?.within, r.recommend])).toEqual([
      ['any SEV-0 => rollback', 'SEV-0', 1, undefined, 'rollback'], ['3 SEV1 in 2 days => consider rollback', 'Sev1', 3, '2d', 'consider-rollback'],
    ]);
    const table = importText('# T\n\n## Steps\n\n| ID | Step | Command |\n|---|---|---|\n| CHK-1 | First | `true` |\n| ../../etc | Second | `./deploy.sh` |\n').checklist;
    expect(table.sections[0]?.items.map((i) => [i.id, i.run, i.description])).toEqual([['CHK-1', 'true', undefined], ['second', './deploy.sh', 'ID: ../../etc']]);
  });

  it('reads a rule written on the line right after the last level (markdown folds it into that entry)', () => {
    const { severity } = importText('# R\n\n## Severity\n\n- SEV1: writes failing\n- SEV2: elevated latency\nAny SEV1 => rollback.\n').checklist;
    expect(severity.levels.map((l) => [l.id, l.criteria])).toEqual([['SEV1', ['writes failing']], ['SEV2', ['elevated latency']]]);
    expect(severity.rules.map((r) => [r.text, r.when?.severity, r.recommend])).toEqual([['Any SEV1 => rollback.', 'SEV1', 'rollback']]);
  });

  it('turns the action column of a severity table into a rule per level ("Rollback immediately", "Consider rollback")', () => {
    const { severity } = importText('# R\n\n## Escalation\n\n| Severity | Definition | Action |\n|---|---|---|\n| P1 | Payments failing | Rollback immediately |\n| P2 | Latency up | Rollback possible if it persists |\n| P3 | Cosmetic | Log a ticket |\n').checklist;
    expect(severity.levels.map((l) => l.id)).toEqual(['P1', 'P2', 'P3']);
    expect(severity.rules.map((r) => [r.text, r.when?.severity, r.recommend])).toEqual([
      ['any P1 => Rollback immediately', 'P1', 'rollback'],
      ['any P2 => Rollback possible if it persists', 'P2', 'consider-rollback'],
    ]);
  });

  it('runs an untagged block of programs it does not know when they take options, and reads "abort and roll back if" as a trigger', () => {
    const { checklist } = importText('# R\n\n## Backup\n\n### Take it\n\n    xtrabackup --backup --target-dir=/backups/today\n\n### Check\n\n```\nsystemctl start mysql\nmysqlcheck -u root --all-databases --check-upgrade\n```\n\n## Abort criteria\n\nAbort and roll back if replication cannot be restarted within 30 minutes.\n');
    expect(items(checklist).map((i) => i.run)).toEqual(['xtrabackup --backup --target-dir=/backups/today', 'systemctl start mysql\nmysqlcheck -u root --all-databases --check-upgrade']);
    expect(checklist.severity.rules.map((r) => [r.recommend, r.when])).toEqual([['rollback', undefined]]);
    const prose = importText('# R\n\n## Notes\n\n### Expected output\n\n```\nreplicas: 3\nstatus: ready\n```\n').checklist;
    expect(items(prose).every((i) => i.run === undefined)).toBe(true);
  });

  it('ignores a heading without words ("#" alone, as in a pasted YAML comment)', () => {
    const { checklist } = importText('# Deploy\n\n## Steps\n\n#\n\n- one\n- two\n');
    expect(checklist.sections.map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([['Steps', ['one', 'two']]]);
  });

  it('uses --id when given, else the file name, and refuses an invalid id', () => {
    expect(importRunbook('# T\n- a\n', { source: 'dir/My Runbook.md', id: 'payments-v2' }).checklist.id).toBe('payments-v2');
    expect(importRunbook('# T\n- a\n', { source: 'dir/My Runbook.md' }).checklist.id).toBe('My-Runbook');
    expect(() => importRunbook('# T\n- a\n', { source: 'x.md', id: 'has space' })).toThrow(/not a valid id/);
  });
});
